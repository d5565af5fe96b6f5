using System.Collections.Concurrent;

namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>
/// The connections to one server, at most <c>maxConnections</c>. Renting and returning are
/// lock-free while a connection is free (a concurrent queue and an interlocked count); only
/// when every connection is busy do renters queue, in order, behind a lock.
/// </summary>
internal sealed class Http1ConnectionPool(Func<Http1Connection> create, int maxConnections)
{
    private readonly ConcurrentQueue<Http1Connection> _idle = new();
    private readonly Queue<TaskCompletionSource<Http1Connection>> _waiters = new();
    private int _open;
    private int _waiting;

    /// <summary>A free connection (possibly not yet connected), waiting at most <paramref name="timeout"/> for one.</summary>
    /// <exception cref="TimeoutException">No connection became free in time.</exception>
    public ValueTask<Http1Connection> RentAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        TryRent(out var connection) ? ValueTask.FromResult(connection) : RentSlowAsync(timeout, timeProvider, cancellationToken);

    /// <summary>Gives back a healthy connection.</summary>
    public void Return(Http1Connection connection)
    {
        _idle.Enqueue(connection);
        if (Volatile.Read(ref _waiting) > 0)
        {
            ServeWaiters();
        }
    }

    /// <summary>Gives back the slot of a connection that was closed.</summary>
    public void Release()
    {
        Interlocked.Decrement(ref _open);
        if (Volatile.Read(ref _waiting) > 0 && TryReserve())
        {
            _idle.Enqueue(create());
            ServeWaiters();
        }
    }

    /// <summary>A fresh connection in the slot of one that was closed (used to retry once).</summary>
    public Http1Connection Replace() => create();

    public IEnumerable<Http1Connection> DrainIdle()
    {
        while (_idle.TryDequeue(out var connection))
        {
            yield return connection;
        }
    }

    private async ValueTask<Http1Connection> RentSlowAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<Http1Connection>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Enqueue(waiter);
            Interlocked.Increment(ref _waiting);
        }

        // A connection may have come back between the first try and the queueing.
        if (TryReserve())
        {
            _idle.Enqueue(create());
        }

        ServeWaiters();
        try
        {
            return await waiter.Task.WaitAsync(timeout, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            if (waiter.TrySetCanceled(CancellationToken.None))
            {
                throw;
            }

            // A connection was handed over at the last moment: pass it on.
            Return(waiter.Task.Result);
            throw;
        }
    }

    private bool TryRent(out Http1Connection connection)
    {
        if (_idle.TryDequeue(out connection!))
        {
            return true;
        }

        if (TryReserve())
        {
            connection = create();
            return true;
        }

        return false;
    }

    private bool TryReserve()
    {
        var open = Volatile.Read(ref _open);
        while (open < maxConnections)
        {
            var seen = Interlocked.CompareExchange(ref _open, open + 1, open);
            if (seen == open)
            {
                return true;
            }

            open = seen;
        }

        return false;
    }

    private void ServeWaiters()
    {
        lock (_waiters)
        {
            while (_waiters.Count > 0 && _idle.TryDequeue(out var connection))
            {
                var handed = false;
                while (!handed && _waiters.TryDequeue(out var waiter))
                {
                    Interlocked.Decrement(ref _waiting);
                    handed = waiter.TrySetResult(connection);
                }

                if (!handed)
                {
                    _idle.Enqueue(connection);
                }
            }
        }
    }
}
