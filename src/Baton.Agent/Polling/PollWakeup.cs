namespace Baton.Agent.Polling;

/// <summary>
/// Cuts a poller's idle wait short. Signalled when this agent has just reported a continuation for
/// the poller's action type: CodePipeline queues the continuation job at once, so waiting out an
/// idle backoff of up to <c>IdlePollInterval</c> would only delay the next step. A signal that
/// arrives while a poll is in flight is kept for the wait that follows that poll; a signal older
/// than a poll is dropped when the poll starts, since that poll already sees the job.
/// </summary>
internal sealed class PollWakeup
{
    private readonly Lock _gate = new();
    private bool _signalled;
    private TaskCompletionSource? _waiter;

    /// <summary>Wakes the waiting poller, or the next wait if none is waiting.</summary>
    public void Signal()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _signalled = true;
            waiter = _waiter;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Drops the signals so far: called as a poll starts.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _signalled = false;
        }
    }

    /// <summary>Waits for <paramref name="delay"/> or a signal, whichever comes first.</summary>
    /// <returns><see langword="true"/> when a signal ended the wait.</returns>
    public async Task<bool> WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_signalled)
            {
                _signalled = false;
                return true;
            }

            _waiter = waiter;
        }

        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(delay, time, stopTimer.Token);
        var first = await Task.WhenAny(waiter.Task, elapsed);
        await stopTimer.CancelAsync();
        lock (_gate)
        {
            _waiter = null;
            if (first == waiter.Task)
            {
                _signalled = false;
                return true;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return false;
    }
}
