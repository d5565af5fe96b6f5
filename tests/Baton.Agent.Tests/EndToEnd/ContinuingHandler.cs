using System.Collections.Concurrent;
using System.Globalization;
using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// A handler that takes <see cref="Steps"/> steps: step n continues with state <c>n</c>,
/// <c>percentComplete</c> n×100/Steps, <see cref="CheckAfter"/> and the external execution id
/// <c>run-&lt;idempotency key&gt;</c> (so the Details link exists from step 1); the last step
/// succeeds. It can fail or throw at a given step, and lets the test look at the emulator when
/// each step starts (which is after the previous step's report was accepted).
/// </summary>
internal sealed class ContinuingHandler : IJobHandler
{
    public int Steps { get; init; } = 5;

    public TimeSpan CheckAfter { get; init; } = TimeSpan.FromMilliseconds(200);

    public int FailOnStep { get; init; }

    public int ThrowOnStep { get; init; }

    public string FailMessage { get; init; } = "Backend run failed: 3 of 10 checks failed.";

    /// <summary>Runs when a step starts, before the handler decides.</summary>
    public Func<JobContext, Task>? OnStepStarting { get; init; }

    /// <summary>Every step that ran, in order of completion.</summary>
    public ConcurrentQueue<StepRecord> Records { get; } = new();

    public static string ExternalExecutionIdOf(string idempotencyKey) => "run-" + idempotencyKey;

    public ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken) => RunAsync(job, state: null);

    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken) => RunAsync(job, state);

    private async ValueTask<StepResult> RunAsync(JobContext job, string? state)
    {
        var started = DateTimeOffset.UtcNow;
        if (OnStepStarting is { } observe)
        {
            await observe(job);
        }

        if (job.Step == ThrowOnStep)
        {
            throw new InvalidOperationException($"Backend connection lost at step {job.Step}.");
        }

        var result = job.Step == FailOnStep
            ? StepResult.Fail(FailureType.JobFailed, FailMessage)
            : job.Step >= Steps
                ? StepResult.Succeed($"All {Steps} steps done.")
                : StepResult.Continue(
                    job.Step.ToString(CultureInfo.InvariantCulture),
                    job.Step * 100 / Steps,
                    $"Step {job.Step} of {Steps} done.",
                    CheckAfter,
                    ExternalExecutionIdOf(job.IdempotencyKey));
        Records.Enqueue(new StepRecord(job.Step, job.JobId, job.IdempotencyKey, state, job.ExternalExecutionId, started, DateTimeOffset.UtcNow));
        return result;
    }
}

/// <summary>One step as the handler saw it.</summary>
internal sealed record StepRecord(
    int Step, string JobId, string IdempotencyKey, string? State, string? ExternalExecutionIdSoFar, DateTimeOffset Started, DateTimeOffset Returned);
