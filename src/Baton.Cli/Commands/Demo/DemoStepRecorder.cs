using Baton.Agent.Handlers;
using Baton.LoadTest.Handler;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// The demo agent's handler: the real <see cref="LoadTestHandler"/>, with every step's decision
/// also written to the <see cref="DemoStepLog"/> so the terminal can show each continuation step as
/// the agent takes it. The decision itself is passed on unchanged.
/// </summary>
/// <param name="inner">The load-test handler.</param>
/// <param name="steps">Where the steps go.</param>
internal sealed class DemoStepRecorder(LoadTestHandler inner, DemoStepLog steps) : IJobHandler
{
    /// <inheritdoc/>
    public ValueTask<StepResult> StartAsync(JobContext job, CancellationToken ct) =>
        RecordAsync(job, () => inner.StartAsync(job, ct));

    /// <inheritdoc/>
    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken ct) =>
        RecordAsync(job, () => inner.ContinueAsync(job, state, ct));

    private async ValueTask<StepResult> RecordAsync(JobContext job, Func<ValueTask<StepResult>> step)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var result = await step();
            steps.Add(new DemoStep(job.Step, job.JobId, result));
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The agent turns the exception into the job's failure report; the demo only shows it.
            steps.Add(new DemoStep(job.Step, job.JobId, null, exception.Message));
            throw;
        }
    }
}
