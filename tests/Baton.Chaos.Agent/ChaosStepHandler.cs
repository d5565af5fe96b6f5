using System.Globalization;
using System.Net.Http.Json;
using Baton.Agent.Handlers;

namespace Baton.Chaos.Agent;

/// <summary>
/// The chaos scenario's action: an execution that lasts <c>Steps</c> × <c>CheckAfter</c>. The first
/// step starts a run in the fake backend (with the idempotency key); every later step reports
/// itself to the backend, which logs (key, step) so a re-run step shows as a repeat. The state
/// carries the step number and when the step was due, so the backend can measure how late each
/// step ran beyond its <c>checkAfter</c>.
/// </summary>
/// <param name="http">The client for the backend.</param>
/// <param name="time">The clock.</param>
/// <param name="identity">Which replica runs the step (for the backend's log).</param>
internal sealed class ChaosStepHandler(HttpClient http, TimeProvider time, ReplicaIdentity identity) : IJobHandler
{
    /// <summary>The action type this handler serves.</summary>
    public const string ActionType = "Test/Custom/BatonChaos/1";

    public async ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken)
    {
        var settings = ChaosActionSettings.From(job.Configuration);
        var start = new StartRequest(job.IdempotencyKey, job.Pipeline.PipelineName, job.Pipeline.PipelineExecutionId, job.JobId, identity.Name);
        using var response = await http.PostAsJsonAsync(new Uri(settings.Backend, "runs"), start, cancellationToken);
        response.EnsureSuccessStatusCode();
        var run = await response.Content.ReadFromJsonAsync<StartResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The backend answered a start with no body.");
        return Next(settings, step: 1, run.RunId);
    }

    public async ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken)
    {
        var settings = ChaosActionSettings.From(job.Configuration);
        var (step, dueUnixMs, runId) = ParseState(state);
        var report = new StepRequest(job.IdempotencyKey, step, dueUnixMs, job.JobId, identity.Name);
        using var response = await http.PostAsJsonAsync(new Uri(settings.Backend, "steps"), report, cancellationToken);
        response.EnsureSuccessStatusCode();
        return step >= settings.Steps
            ? StepResult.Succeed(summary: $"{settings.Steps} steps done", externalExecutionId: runId)
            : Next(settings, step + 1, runId);
    }

    private StepResult Next(ChaosActionSettings settings, int step, string runId)
    {
        var due = time.GetUtcNow() + settings.CheckAfter;
        var state = string.Create(CultureInfo.InvariantCulture, $"{step}|{due.ToUnixTimeMilliseconds()}|{runId}");
        return StepResult.Continue(
            state,
            percentComplete: 100 * (step - 1) / settings.Steps,
            summary: $"step {step - 1} of {settings.Steps}",
            checkAfter: settings.CheckAfter,
            externalExecutionId: runId);
    }

    private static (int Step, long DueUnixMs, string RunId) ParseState(string state)
    {
        var parts = state.Split('|');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var step)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var due))
        {
            throw new FormatException($"The chaos step state '{state}' is not 'step|dueUnixMs|runId'.");
        }

        return (step, due, parts[2]);
    }

    private sealed record StartRequest(string Key, string? Pipeline, string? PipelineExecutionId, string JobId, string Replica);

    private sealed record StartResponse(string RunId, bool Deduplicated);

    private sealed record StepRequest(string Key, int Step, long DueUnixMs, string JobId, string Replica);
}
