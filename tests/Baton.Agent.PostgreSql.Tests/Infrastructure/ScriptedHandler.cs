using Baton.Agent.Handlers;

namespace Baton.Agent.PostgreSql.Tests.Infrastructure;

/// <summary>A handler whose first step runs a delegate and records the jobs it was called for.</summary>
internal sealed class ScriptedHandler(Func<JobContext, CancellationToken, Task<StepResult>> start) : IJobHandler
{
    private readonly TaskCompletionSource<JobContext> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first step starts.</summary>
    public Task<JobContext> Started => _started.Task;

    public async ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken)
    {
        _started.TrySetResult(job);
        return await start(job, cancellationToken);
    }

    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken) =>
        ValueTask.FromResult(StepResult.Fail("JobFailed", "This test's action has one step."));
}
