using Baton.Agent.Drain;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Drain;

public sealed class JobDrainTests : IDisposable
{
    private readonly TimerWatchingTimeProvider _time = new(RunnerHarness.Start);
    private readonly JobDrain _drain;

    public JobDrainTests()
    {
        _drain = new JobDrain(_time);
    }

    [Fact]
    public async Task BeginStop_SignalsStoppingNowAndGraceExpiredAfterThePeriod()
    {
        var signals = _drain.Signals;

        _drain.BeginStop(TimeSpan.FromSeconds(20));

        Assert.True(signals.Stopping.IsCancellationRequested);
        Assert.False(signals.GraceExpired.IsCancellationRequested);
        Assert.Equal(TimeSpan.FromSeconds(20), await _time.NextTimerAsync());
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(signals.GraceExpired.IsCancellationRequested);
    }

    [Fact]
    public void BeginStop_ZeroGrace_ExpiresAtOnce()
    {
        _drain.BeginStop(TimeSpan.Zero);

        Assert.True(_drain.Signals.GraceExpired.IsCancellationRequested);
    }

    [Fact]
    public void BeginStop_CalledAgain_KeepsTheFirstGracePeriod()
    {
        _drain.BeginStop(TimeSpan.FromSeconds(20));
        _drain.BeginStop(TimeSpan.Zero);

        Assert.False(_drain.Signals.GraceExpired.IsCancellationRequested);
    }

    [Fact]
    public async Task WhenIdleAsync_CompletesWhenTheLastStepEnds()
    {
        Assert.True(_drain.WhenIdleAsync().IsCompleted);
        var first = new TaskCompletionSource();
        var second = new TaskCompletionSource();
        var a = _drain.Start(_ => first.Task);
        var b = _drain.Start(_ => second.Task);
        var idle = _drain.WhenIdleAsync();

        first.SetResult();
        await a;
        Assert.False(idle.IsCompleted);
        Assert.Equal(1, _drain.Running);
        second.SetResult();
        await b;

        await idle;
        Assert.Equal(0, _drain.Running);
    }

    public void Dispose() => _drain.Dispose();
}
