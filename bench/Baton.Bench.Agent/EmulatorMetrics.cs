using System.Text.Json;

namespace Baton.Bench.Agent;

/// <summary>A snapshot of the emulator's <c>/_baton/metrics</c>: calls per CodePipeline operation and jobs by status.</summary>
internal sealed record EmulatorMetrics(IReadOnlyDictionary<string, long> Calls, IReadOnlyDictionary<string, long> Errors, IReadOnlyDictionary<string, long> Jobs)
{
    /// <summary>The operations a job agent calls.</summary>
    public static readonly string[] AgentOperations =
        ["PollForJobs", "AcknowledgeJob", "GetJobDetails", "PutJobSuccessResult", "PutJobFailureResult"];

    public static async Task<EmulatorMetrics> ReadAsync(HttpClient http, Uri endpoint)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(endpoint, "_baton/metrics")));
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        var errors = new Dictionary<string, long>(StringComparer.Ordinal);
        var jobs = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in Property(document.RootElement, "operations").EnumerateObject())
        {
            calls[operation.Name] = Property(operation.Value, "calls").GetInt64();
            errors[operation.Name] = Property(operation.Value, "errors").GetInt64();
        }

        foreach (var status in Property(document.RootElement, "jobs").EnumerateObject())
        {
            jobs[status.Name] = status.Value.GetInt64();
        }

        return new EmulatorMetrics(calls, errors, jobs);
    }

    public long CallsOf(string operation) => Calls.GetValueOrDefault(operation);

    public long JobsIn(string status) => Jobs.GetValueOrDefault(status);

    /// <summary>Calls per operation since <paramref name="before"/>, for the agent's operations.</summary>
    public Dictionary<string, long> AgentCallsSince(EmulatorMetrics before) =>
        AgentOperations.ToDictionary(o => o, o => CallsOf(o) - before.CallsOf(o), StringComparer.Ordinal);

    public long AgentErrorsSince(EmulatorMetrics before) =>
        AgentOperations.Sum(o => Errors.GetValueOrDefault(o) - before.Errors.GetValueOrDefault(o));

    private static JsonElement Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        throw new BenchException($"the emulator's /_baton/metrics answer has no '{name}'.");
    }
}
