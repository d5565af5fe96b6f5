using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Baton.LoadTest.Tests.Infrastructure;

/// <summary>A <see cref="FakeTimeProvider"/> that says when a timer is created, so a test advances time exactly when the code waits.</summary>
public sealed class SignallingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake => fake;

    public ChannelReader<TimeSpan> TimersCreated => _timers.Reader;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }
}
