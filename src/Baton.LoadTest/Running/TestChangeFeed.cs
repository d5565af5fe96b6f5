namespace Baton.LoadTest.Running;

/// <summary>
/// Signals that some test changed (queued, started, a second recorded, ended). Take
/// <see cref="NextChange"/> before reading the store, then await it: no change can slip between.
/// </summary>
public sealed class TestChangeFeed
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change.</summary>
    public Task NextChange => Volatile.Read(ref _next).Task;

    /// <summary>Announces a change.</summary>
    public void Publish() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
