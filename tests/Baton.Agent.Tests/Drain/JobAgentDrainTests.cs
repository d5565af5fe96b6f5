using Baton.Agent.Continuation;
using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Drain;

public sealed class JobAgentDrainTests : IDisposable
{
    private readonly AgentHarness _h = new();
    private readonly CancellationTokenSource _stop = new();

    [Fact]
    public async Task Stop_JobWaitingForNotBefore_HandedBackAtOnce()
    {
        var token = Token(notBefore: RunnerHarness.Start.AddMinutes(5));
        var run = _h.CreateAgent(_h.CreatePoller()).RunAsync(_stop.Token);
        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob(token));
        Assert.Equal(TimeSpan.FromMinutes(5), await _h.Time.NextTimerAsync());

        await _stop.CancelAsync();
        await run;

        Assert.Empty(_h.Handler.Calls);
        Assert.Equal(token, Assert.Single(_h.Jobs.Successes).ContinuationToken);
        Assert.Equal(RunnerHarness.Start, _h.Time.GetUtcNow());
        Assert.Empty(await _h.Journal.ListUnreportedAsync(AgentHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task Stop_RunningStep_GetsTheDrainTimeoutThenIsCancelledAndHandedBack()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Handler.OnContinue = (_, _, ct) => AgentHarness.BlockUntilCancelled(entered)(ct);
        var token = Token();
        var run = _h.CreateAgent(_h.CreatePoller()).RunAsync(_stop.Token);
        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob(token));
        await entered.Task;

        await _stop.CancelAsync();
        Assert.Equal(TimeSpan.FromSeconds(20), await _h.Time.NextTimerAsync());
        _h.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, _h.Jobs.Reports);
        Assert.False(run.IsCompleted);

        _h.Time.Advance(TimeSpan.FromSeconds(1));
        await run;

        Assert.Equal(token, Assert.Single(_h.Jobs.Successes).ContinuationToken);
        Assert.Empty(_h.Jobs.Failures);
    }

    [Fact]
    public async Task Stop_StepFinishingWithinTheDrainTimeout_ReportsItsOwnResult()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Handler.OnContinue = (_, _, _) =>
        {
            entered.SetResult();
            return new ValueTask<StepResult>(finish.Task);
        };
        var run = _h.CreateAgent(_h.CreatePoller()).RunAsync(_stop.Token);
        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob(Token()));
        await entered.Task;

        await _stop.CancelAsync();
        await _h.Time.NextTimerAsync();
        finish.SetResult(StepResult.Succeed("finished while draining"));
        await run;

        var report = Assert.Single(_h.Jobs.Successes);
        Assert.Null(report.ContinuationToken);
        Assert.Equal("finished while draining", report.ExecutionDetails!.Summary);
    }

    [Fact]
    public async Task Stop_WaitingAndRunningJobs_EveryAcknowledgedJobIsReportedOnce()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Handler.OnStart = (_, ct) => AgentHarness.BlockUntilCancelled(entered)(ct);
        var run = _h.CreateAgent(_h.CreatePoller()).RunAsync(_stop.Token);
        var jobs = new[] { RunnerHarness.CustomJob(), RunnerHarness.CustomJob(Token(notBefore: RunnerHarness.Start.AddMinutes(1))) };
        (await _h.Jobs.NextPollAsync()).Answer(jobs);
        await entered.Task;
        Assert.Equal(TimeSpan.FromMinutes(1), await _h.Time.NextTimerAsync());

        await _stop.CancelAsync();
        Assert.Equal(jobs[1].Reference.JobId, await _h.Jobs.NextReportAsync());
        _h.Time.Advance(await _h.Time.NextTimerAsync());
        await run;

        Assert.Equal(
            jobs.Select(j => j.Reference.JobId).Order(),
            _h.Jobs.Successes.Select(s => s.Job.JobId).Order());
        Assert.All(_h.Jobs.Successes, s => Assert.NotNull(s.ContinuationToken));
        Assert.Empty(await _h.Journal.ListUnreportedAsync(AgentHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task Abandon_StepIgnoresCancellation_RunReturnsAndTheJobStaysInTheJournal()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Handler.OnContinue = (_, _, _) =>
        {
            entered.SetResult();
            return new ValueTask<StepResult>(stuck.Task);
        };
        var agent = _h.CreateAgent(_h.CreatePoller());
        var run = agent.RunAsync(_stop.Token);
        var job = RunnerHarness.CustomJob(Token());
        (await _h.Jobs.NextPollAsync()).Answer(job);
        await entered.Task;
        await _stop.CancelAsync();
        _h.Time.Advance(await _h.Time.NextTimerAsync());

        agent.Abandon();
        await run;

        Assert.Equal(0, _h.Jobs.Reports);
        Assert.Equal(job.Reference.JobId, Assert.Single(await _h.Journal.ListUnreportedAsync(AgentHarness.AgentId, CancellationToken.None)).JobId);
        Assert.Contains(_h.AgentLogger.Collector.GetSnapshot(), r => r.Id.Id == 206);
        stuck.SetResult(StepResult.Succeed());
    }

    public void Dispose()
    {
        _stop.Dispose();
        _h.Dispose();
    }

    private string Token(DateTimeOffset? notBefore = null) => _h.Codec.Seal(new ContinuationEnvelope
    {
        State = "s",
        Step = 2,
        OriginJobId = "11111111-1111-1111-1111-111111111111",
        ExternalExecutionId = "ext-42",
        StartedAt = RunnerHarness.Start.AddMinutes(-10),
        NotBefore = notBefore,
    });
}
