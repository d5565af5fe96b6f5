using Baton.Agent.Handlers;
using Baton.Agent.Polling;
using Baton.Agent.Runner;
using Baton.Agent.Telemetry;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Polling;

/// <summary>
/// A continuation reported for the action type ends the poller's idle wait at once (its job is
/// queued already) and restarts the idle backoff; final reports leave the backoff alone.
/// </summary>
public sealed class JobPollerContinuationWakeTests : IDisposable
{
    private readonly AgentHarness _h = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<StepResult> _step = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JobPollerContinuationWakeTests()
    {
        _h.Options.Polling.IdlePollStart = TimeSpan.FromSeconds(1);
        _h.Options.Polling.IdlePollInterval = TimeSpan.FromSeconds(30);
        _h.Handler.OnStart = (_, _) => new ValueTask<StepResult>(_step.Task);
    }

    [Fact]
    public async Task RunAsync_ContinuationReportedDuringIdleWait_PollsAgainAtOnceAndRestartsTheBackoff()
    {
        var run = CreateWakingPoller().RunAsync(_stop.Token);
        await IdleUntilTheFourSecondWaitAsync();
        var waitingSince = _h.Time.GetUtcNow();

        _step.SetResult(StepResult.Continue("backend-42", checkAfter: TimeSpan.FromSeconds(1)));
        await _h.Jobs.NextReportAsync();

        // Without the wake-up this poll would come only after the 4 s wait: the clock has not moved.
        var wokenPoll = await _h.Jobs.NextPollAsync();
        Assert.Equal(waitingSince, _h.Time.GetUtcNow());
        Assert.NotNull(Assert.Single(_h.Jobs.Successes).ContinuationToken);
        wokenPoll.Answer();
        Assert.Equal(TimeSpan.FromSeconds(1), await _h.Time.NextTimerAsync());
        await StopAsync(run);
    }

    [Fact]
    public async Task RunAsync_ContinuationReportedWhileAPollIsInFlight_PollsAgainWithoutWaiting()
    {
        var run = CreateWakingPoller().RunAsync(_stop.Token);
        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob());
        var inFlight = await _h.Jobs.NextPollAsync();

        _step.SetResult(StepResult.Continue("backend-42"));
        await _h.Jobs.NextReportAsync();
        inFlight.Answer();

        // The poll started before the report, so it could not see the continuation job: poll again.
        (await _h.Jobs.NextPollAsync()).Answer();
        Assert.Equal(RunnerHarness.Start, _h.Time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(1), await _h.Time.NextTimerAsync());
        await StopAsync(run);
    }

    [Fact]
    public async Task RunAsync_FinalSuccessReportedDuringIdleWait_KeepsWaitingOutTheBackoff()
    {
        var run = CreateWakingPoller().RunAsync(_stop.Token);
        await IdleUntilTheFourSecondWaitAsync();

        _step.SetResult(StepResult.Succeed());
        await _h.Jobs.NextReportAsync();
        Assert.Null(Assert.Single(_h.Jobs.Successes).ContinuationToken);

        // Had the report woken the poller, the wait would have started over at 1 s.
        _h.Time.Advance(TimeSpan.FromSeconds(4));
        (await _h.Jobs.NextPollAsync()).Answer();
        Assert.Equal(TimeSpan.FromSeconds(8), await _h.Time.NextTimerAsync());
        await StopAsync(run);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _h.Dispose();
    }

    // Wired as the agent's host wires it: the runner reports through the port that wakes the poller.
    private JobPoller CreateWakingPoller()
    {
        var wakeup = new PollWakeup();
        var port = new ContinuationWakeJobService(_h.Jobs, wakeup);
        var runner = new JobRunner(
            port, _h.Handler, _h.Codec, _h.Journal, new AgentTelemetry(), _h.Time, Microsoft.Extensions.Options.Options.Create(_h.Options), _h.RunnerLogger);
        return new JobPoller(port, runner, maxConcurrency: 4, _h.Drain, _h.Options.Polling, _h.Jitter, _h.Time, _h.PollerLogger, wakeup);
    }

    // One job starts and blocks in its step; three empty polls later the poller waits 4 s.
    private async Task IdleUntilTheFourSecondWaitAsync()
    {
        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob());
        foreach (var wait in new[] { 1, 2 })
        {
            (await _h.Jobs.NextPollAsync()).Answer();
            Assert.Equal(TimeSpan.FromSeconds(wait), await _h.Time.NextTimerAsync());
            _h.Time.Advance(TimeSpan.FromSeconds(wait));
        }

        (await _h.Jobs.NextPollAsync()).Answer();
        Assert.Equal(TimeSpan.FromSeconds(4), await _h.Time.NextTimerAsync());
    }

    private async Task StopAsync(Task run)
    {
        await _stop.CancelAsync();
        await run;
    }
}
