using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Chaos.Backend;

/// <summary>
/// The idempotent backend the chaos action drives, on 127.0.0.1 in the scenario process (it is
/// not a target of the faults): <c>POST /runs</c> starts a run per idempotency key,
/// <c>POST /steps</c> logs one step of a run.
/// </summary>
internal sealed class FakeBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeBackend(WebApplication app, BackendLedger ledger)
    {
        _app = app;
        Ledger = ledger;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    public BackendLedger Ledger { get; }

    public static async Task<FakeBackend> StartAsync(TimeProvider time, string logPath, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var log = TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true });
        var ledger = new BackendLedger(time, log);
        app.Lifetime.ApplicationStopped.Register(log.Dispose);
        app.MapBackendApi(ledger);
        await app.StartAsync(cancellationToken);
        return new FakeBackend(app, ledger);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The backend's two endpoints.</summary>
internal static class BackendApi
{
    public static void MapBackendApi(this IEndpointRouteBuilder endpoints, BackendLedger ledger)
    {
        endpoints.MapPost("/runs", (StartRequest request) =>
        {
            var (runId, deduplicated) = ledger.Start(request.Key, request.PipelineExecutionId, request.JobId, request.Replica);
            return TypedResults.Ok(new StartResponse(runId, deduplicated));
        });
        endpoints.MapPost("/steps", (StepRequest request) =>
        {
            ledger.Step(request.Key, request.Step, DateTimeOffset.FromUnixTimeMilliseconds(request.DueUnixMs), request.JobId, request.Replica);
            return TypedResults.NoContent();
        });
    }

    internal sealed record StartRequest(string Key, string? Pipeline, string? PipelineExecutionId, string JobId, string Replica);

    internal sealed record StartResponse(string RunId, bool Deduplicated);

    internal sealed record StepRequest(string Key, int Step, long DueUnixMs, string JobId, string Replica);
}
