using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Baton.CodePipeline.Tests.Client;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer it creates, so a test can wait until
/// the client has started a backoff wait and then let exactly that much fake time pass.
/// </summary>
internal sealed class BackoffClock : FakeTimeProvider
{
    public static readonly DateTimeOffset Epoch = new(2025, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public BackoffClock()
        : base(Epoch)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until the next timer is created and returns its due time.</summary>
    public async Task<TimeSpan> NextWaitAsync()
    {
        // A bound, not a timing assertion: a client that never waits fails the test instead of hanging it.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _timers.Reader.ReadAsync(guard.Token);
    }

    /// <summary>Waits until the client starts its next backoff wait, then lets it elapse.</summary>
    public async Task<TimeSpan> CompleteNextWaitAsync()
    {
        var due = await NextWaitAsync();
        Advance(due);
        return due;
    }
}
