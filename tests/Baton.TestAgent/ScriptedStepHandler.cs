using System.Globalization;
using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Options;

namespace Baton.TestAgent;

/// <summary>
/// A handler whose steps follow <see cref="TestAgentOptions"/>: step n of N continues with state
/// <c>n</c>, <c>percentComplete</c> n×100/N and the external execution id <c>run-&lt;idempotency key&gt;</c>;
/// step N succeeds. One step may fail, one may block until a file appears (or the agent cancels it).
/// </summary>
internal sealed class ScriptedStepHandler(IOptions<TestAgentOptions> options) : IJobHandler
{
    private readonly TestAgentOptions _options = options.Value;

    public ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken) =>
        RunStepAsync(job, cancellationToken);

    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken)
    {
        // The state is the number of the step that returned it: a mismatch means a lost or replayed token.
        var previous = int.Parse(state, CultureInfo.InvariantCulture);
        return previous + 1 == job.Step
            ? RunStepAsync(job, cancellationToken)
            : throw new InvalidOperationException($"State says step {previous} ran last, but this is step {job.Step}.");
    }

    private async ValueTask<StepResult> RunStepAsync(JobContext job, CancellationToken cancellationToken)
    {
        Markers.Step("step-start", job.Step, job.JobId, job.IdempotencyKey);
        if (job.Step == _options.BlockOnStep)
        {
            Markers.Step("step-blocked", job.Step, job.JobId, job.IdempotencyKey);
            await WaitForFileAsync(cancellationToken);
        }

        var result = job.Step == _options.FailOnStep
            ? StepResult.Fail(FailureType.JobFailed, _options.FailMessage)
            : job.Step >= _options.Steps
                ? StepResult.Succeed($"All {_options.Steps} steps done.")
                : StepResult.Continue(
                    job.Step.ToString(CultureInfo.InvariantCulture),
                    job.Step * 100 / _options.Steps,
                    $"Step {job.Step} of {_options.Steps} done.",
                    _options.CheckAfter,
                    "run-" + job.IdempotencyKey);
        Markers.Step("step-end", job.Step, job.JobId, job.IdempotencyKey);
        return result;
    }

    private async Task WaitForFileAsync(CancellationToken cancellationToken)
    {
        var path = _options.BlockUntilFile ?? throw new InvalidOperationException("TestAgent:BlockUntilFile is required with TestAgent:BlockOnStep.");
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!File.Exists(path))
        {
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }
}
