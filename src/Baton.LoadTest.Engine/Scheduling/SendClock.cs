namespace Baton.LoadTest.Engine.Scheduling;

/// <summary>
/// Waits until an instant of the run's high-resolution clock (<see cref="TimeProvider.GetTimestamp"/>).
/// Strategy: sleep on a timer (<see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>)
/// until the spin window before the instant, then spin-yield the rest. With a zero window the
/// timer alone is used and the wait ends up to about one timer tick late; the open model sends
/// everything due at each wake-up and measures latency from the intended instant, so lateness
/// shows up in the corrected latency and the scheduler-lag figures rather than being hidden.
/// </summary>
internal sealed class SendClock(TimeProvider timeProvider, TimeSpan spinWindow)
{
    private static readonly TimeSpan _timerGranularity = TimeSpan.FromMilliseconds(1);

    public TimeProvider TimeProvider { get; } = timeProvider;

    public long Now => TimeProvider.GetTimestamp();

    public long ToTimestamp(long start, double offsetSeconds) =>
        start + (long)(offsetSeconds * TimeProvider.TimestampFrequency);

    public TimeSpan Between(long from, long to) =>
        to <= from ? TimeSpan.Zero : TimeProvider.GetElapsedTime(from, to);

    /// <summary>Returns once <paramref name="timestamp"/> is reached (at once when it has passed).</summary>
    public async ValueTask WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = Now;
            if (now >= timestamp)
            {
                return;
            }

            var remaining = TimeProvider.GetElapsedTime(now, timestamp);
            var sleep = remaining - spinWindow;
            if (sleep >= _timerGranularity)
            {
                await Task.Delay(sleep, TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            else if (spinWindow > TimeSpan.Zero)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Yield();
            }
            else
            {
                // Less than a timer tick left and spinning is off: one tick's sleep, then go.
                await Task.Delay(_timerGranularity, TimeProvider, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }
}
