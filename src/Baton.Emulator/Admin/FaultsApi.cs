using System.Text.Json;
using System.Text.Json.Serialization;
using Baton.CodePipeline;
using Baton.Emulator.Faults;

namespace Baton.Emulator.Admin;

/// <summary>
/// <c>POST /_baton/faults</c> adds a fault rule, <c>GET</c> lists the rules, <c>DELETE</c> removes
/// them (all, or <c>?operation=Name</c>). A rule's body:
/// <c>{"operation": "PollForJobs" | "*", "fault": "throttling" | "http500" | "http503" | "latency" | "drop",
/// "probability": 0.25, "count": 3, "latencyMs": 500, "seed": 42}</c>; <c>probability</c>, <c>count</c>,
/// <c>latencyMs</c> (latency only) and <c>seed</c> are optional.
/// </summary>
internal static class FaultsApi
{
    private static readonly Dictionary<string, FaultKind> _kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["throttling"] = FaultKind.Throttling,
        ["http500"] = FaultKind.InternalError,
        ["http503"] = FaultKind.ServiceUnavailable,
        ["latency"] = FaultKind.Latency,
        ["drop"] = FaultKind.DropConnection,
    };

    public static void MapFaultsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/_baton/faults", AddAsync);
        endpoints.MapGet("/_baton/faults", static (FaultInjector faults) => TypedResults.Ok(List(faults)));
        endpoints.MapDelete("/_baton/faults", static (FaultInjector faults, string? operation) =>
            TypedResults.Ok(new { removed = faults.Clear(operation) }));
    }

    private static async Task<IResult> AddAsync(HttpRequest request, FaultInjector faults)
    {
        FaultRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<FaultRequest>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return AdminApi.Error(400, "SerializationException", $"The fault rule is not valid JSON ({exception.Path}): send {{\"operation\": \"PollForJobs\", \"fault\": \"throttling\", \"count\": 2}}.");
        }

        var error = Check(body, out var rule);
        if (error is not null)
        {
            return AdminApi.Error(400, "ValidationException", error);
        }

        faults.Add(rule!, body!.Seed);
        return TypedResults.Created("/_baton/faults", List(faults));
    }

    private static string? Check(FaultRequest? body, out FaultRule? rule)
    {
        rule = null;
        if (body is null)
        {
            return "Send a fault rule as a JSON object.";
        }

        var operation = body.Operation ?? "*";
        if (operation != "*" && !CodePipelineOperations.TryGet(operation, out _))
        {
            return $"operation '{operation}' is not a CodePipeline operation; use one of {string.Join(", ", CodePipelineOperations.Names)} or *.";
        }

        if (body.Fault is null || !_kinds.TryGetValue(body.Fault, out var kind))
        {
            return $"fault '{body.Fault}' is not a fault; use one of {string.Join(", ", _kinds.Keys)}.";
        }

        if (body.Probability is < 0 or > 1)
        {
            return $"probability {body.Probability} is out of range; use a number from 0 to 1.";
        }

        if (body.Count is < 1)
        {
            return $"count {body.Count} is out of range; use 1 or more, or leave it out for no limit.";
        }

        if (kind == FaultKind.Latency && body.LatencyMs is not > 0)
        {
            return "A latency fault needs latencyMs, a number of milliseconds greater than 0.";
        }

        rule = new FaultRule(operation, kind, body.Probability, body.Count, TimeSpan.FromMilliseconds(body.LatencyMs ?? 0));
        return null;
    }

    private static IReadOnlyList<FaultRuleView> List(FaultInjector faults) =>
        [.. faults.Rules.Select(r => new FaultRuleView(
            r.Rule.Operation,
            _kinds.First(k => k.Value == r.Rule.Kind).Key,
            r.Rule.Probability,
            r.Rule.Count,
            r.Remaining,
            r.Rule.Kind == FaultKind.Latency ? (long)r.Rule.Latency.TotalMilliseconds : null))];

    private sealed record FaultRequest(
        [property: JsonPropertyName("operation")] string? Operation,
        [property: JsonPropertyName("fault")] string? Fault,
        [property: JsonPropertyName("probability")] double? Probability,
        [property: JsonPropertyName("count")] int? Count,
        [property: JsonPropertyName("latencyMs")] long? LatencyMs,
        [property: JsonPropertyName("seed")] int? Seed);

    private sealed record FaultRuleView(string Operation, string Fault, double? Probability, int? Count, int? Remaining, long? LatencyMs);
}
