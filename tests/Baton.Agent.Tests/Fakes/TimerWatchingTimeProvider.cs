using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer as it is armed (created or changed with a
/// finite due time), so a test knows that the code under test is waiting, and for how long, before
/// it advances the clock.
/// </summary>
internal sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Timers of this length are not reported (the runner's report timeout, set per harness).</summary>
    public TimeSpan Ignored { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>The due time of the next timer armed.</summary>
    public async Task<TimeSpan> NextTimerAsync() => await _armed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Whether a timer was armed that no test has read yet.</summary>
    public bool HasUnreadTimer => _armed.Reader.TryPeek(out _);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Reported only once armed, so a test that advances the clock on the report fires it.
        var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Armed(dueTime);
        return timer;
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime != Ignored)
        {
            _armed.Writer.TryWrite(dueTime);
        }
    }

    private sealed class WatchedTimer(ITimer inner, TimerWatchingTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
