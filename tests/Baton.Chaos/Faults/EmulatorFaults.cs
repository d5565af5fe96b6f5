using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Baton.Chaos.Faults;

/// <summary>
/// Installs the emulator's fault rules through <c>POST /_baton/faults</c>: on every CodePipeline
/// call 20% ThrottlingException, 5% HTTP 500, 2% dropped connections, and added latency on a share
/// of the calls. The emulator tries rules in order and the first that fires wins, so each rule's
/// probability is conditional on the earlier ones not firing; the shares above are overall rates.
/// The first rule carries the seed, which makes the sequence of decisions reproducible.
/// </summary>
internal static class EmulatorFaults
{
    public const double Throttling = 0.20;
    public const double InternalError = 0.05;
    public const double DroppedConnection = 0.02;

    public static async Task InstallAsync(HttpClient http, Uri emulator, ChaosProfile profile, int seed, CancellationToken cancellationToken)
    {
        foreach (var rule in Rules(profile, seed))
        {
            using var response = await http.PostAsJsonAsync(new Uri(emulator, "_baton/faults"), rule, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"The emulator refused fault rule {rule}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>The rules, in the order the emulator tries them.</summary>
    public static IReadOnlyList<FaultRuleBody> Rules(ChaosProfile profile, int seed)
    {
        var rules = new List<FaultRuleBody>();
        var remaining = 1.0;
        foreach (var (fault, share) in new[] { ("throttling", Throttling), ("http500", InternalError), ("drop", DroppedConnection) })
        {
            rules.Add(new FaultRuleBody(fault, share / remaining, LatencyMs: null, Seed: rules.Count == 0 ? seed : null));
            remaining -= share;
        }

        rules.Add(new FaultRuleBody("latency", profile.LatencyProbability / remaining, (long)profile.Latency.TotalMilliseconds, Seed: null));
        return rules;
    }
}

/// <summary>One rule as the admin API takes it, for every CodePipeline operation.</summary>
internal sealed record FaultRuleBody(
    [property: JsonPropertyName("fault")] string Fault,
    [property: JsonPropertyName("probability")] double Probability,
    [property: JsonPropertyName("latencyMs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LatencyMs,
    [property: JsonPropertyName("seed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Seed)
{
    [JsonPropertyName("operation")]
    public string Operation { get; init; } = "*";
}
