using Baton.Emulator.Engine;
using Baton.Emulator.ThirdParty;

namespace Baton.Emulator.Admin;

/// <summary>
/// The emulator's admin API under <c>/_baton</c>: health, metrics, fault injection and the
/// third-party action registry (types, client credentials, the connect handshake).
/// </summary>
public static class AdminApi
{
    /// <summary>Maps every admin endpoint.</summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The endpoints.</returns>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/_baton/health", static () => TypedResults.Ok(new HealthReport("ok")));
        endpoints.MapGet("/_baton/metrics", GetMetricsAsync);
        endpoints.MapFaultsApi();
        endpoints.MapThirdPartyApi();
        return endpoints;
    }

    private static async Task<IResult> GetMetricsAsync(EmulatorMetrics metrics, PipelineEngine engine, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MetricsReport(metrics.Snapshot(), await engine.CountJobsByStatusAsync(cancellationToken).ConfigureAwait(false)));

    /// <summary>Answers an admin error in the same JSON shape as the CodePipeline API.</summary>
    internal static IResult Error(int status, string code, string message) =>
        TypedResults.Json(new AdminError(code, message), statusCode: status);
}

/// <summary>The health answer.</summary>
/// <param name="Status">Always <c>ok</c> while the emulator serves requests.</param>
public sealed record HealthReport(string Status);

/// <summary>The metrics answer.</summary>
/// <param name="Operations">Calls and errors per CodePipeline operation.</param>
/// <param name="Jobs">Jobs by status.</param>
public sealed record MetricsReport(IReadOnlyDictionary<string, OperationMetrics> Operations, IReadOnlyDictionary<string, int> Jobs);

/// <summary>An admin error: <c>{"__type": "...", "message": "..."}</c>.</summary>
/// <param name="Type">The error code.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record AdminError(
    [property: System.Text.Json.Serialization.JsonPropertyName("__type")] string Type,
    [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message);
