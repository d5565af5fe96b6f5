using Baton.Agent.Handlers;

namespace Baton.Agent.Tests.Fakes;

/// <summary>A handler whose steps are set per test; records every call.</summary>
internal sealed class FakeHandler(EventLog events) : IJobHandler
{
    public Func<JobContext, CancellationToken, ValueTask<StepResult>> OnStart { get; set; } =
        (_, _) => ValueTask.FromResult(StepResult.Succeed());

    public Func<JobContext, string, CancellationToken, ValueTask<StepResult>> OnContinue { get; set; } =
        (_, _, _) => ValueTask.FromResult(StepResult.Succeed());

    public List<(JobContext Job, string? State)> Calls { get; } = [];

    public ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken)
    {
        events.Add("start");
        lock (Calls)
        {
            Calls.Add((job, null));
        }

        return OnStart(job, cancellationToken);
    }

    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken)
    {
        events.Add("continue");
        lock (Calls)
        {
            Calls.Add((job, state));
        }

        return OnContinue(job, state, cancellationToken);
    }
}
