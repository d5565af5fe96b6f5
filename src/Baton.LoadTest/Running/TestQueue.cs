using System.Threading.Channels;

namespace Baton.LoadTest.Running;

/// <summary>The runner's doorbell: rung when a test is queued, so the runner waits without polling.</summary>
public sealed class TestQueue
{
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Tells the runner a test is waiting (one ring is kept until the runner looks).</summary>
    public void Ring() => _bell.Writer.TryWrite(true);

    /// <summary>Waits for a ring.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes on the next (or a pending) ring.</returns>
    public async Task WaitAsync(CancellationToken cancellationToken) => await _bell.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
}
