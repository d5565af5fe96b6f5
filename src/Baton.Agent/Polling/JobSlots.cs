namespace Baton.Agent.Polling;

/// <summary>
/// The concurrency slots of one action type: a job holds a slot from the poll that returned it
/// until its report is done. Unlike a semaphore it can say how many slots are free (the next
/// poll's <c>maxBatchSize</c>) and wait until all are free (<c>RunOnceAsync</c>).
/// </summary>
internal sealed class JobSlots
{
    private readonly Lock _gate = new();
    private int _taken;
    private TaskCompletionSource? _released;

    public JobSlots(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Free
    {
        get
        {
            lock (_gate)
            {
                return Capacity - _taken;
            }
        }
    }

    public bool TryTake()
    {
        lock (_gate)
        {
            if (_taken == Capacity)
            {
                return false;
            }

            _taken++;
            return true;
        }
    }

    public void Release()
    {
        TaskCompletionSource? released;
        lock (_gate)
        {
            if (_taken == 0)
            {
                throw new InvalidOperationException("A job slot was released that was never taken.");
            }

            _taken--;
            released = _released;
            _released = null;
        }

        released?.TrySetResult();
    }

    /// <summary>Completes when at least one slot is free.</summary>
    public Task WaitForFreeAsync(CancellationToken cancellationToken) => WaitUntilAsync(taken => taken < Capacity, cancellationToken);

    /// <summary>Completes when no slot is taken: every job started here has reported.</summary>
    public Task WaitUntilAllFreeAsync(CancellationToken cancellationToken) => WaitUntilAsync(taken => taken == 0, cancellationToken);

    private async Task WaitUntilAsync(Func<int, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task released;
            lock (_gate)
            {
                if (condition(_taken))
                {
                    return;
                }

                _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                released = _released.Task;
            }

            await released.WaitAsync(cancellationToken);
        }
    }
}
