using Baton.Agent.Runner;

namespace Baton.Agent.Drain;

/// <summary>
/// The agent's in-flight job steps and its graceful stop. <see cref="BeginStop"/> signals
/// <see cref="StopSignals.Stopping"/> at once (waiting steps are handed back) and
/// <see cref="StopSignals.GraceExpired"/> after the drain timeout (running steps are cancelled and
/// handed back); <see cref="WhenIdleAsync"/> completes once every step has reported.
/// </summary>
public sealed class JobDrain : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _graceExpired;
    private readonly Lock _gate = new();
    private int _running;
    private int _stopBegun;
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates an idle drain.</summary>
    /// <param name="timeProvider">Runs the drain timeout.</param>
    public JobDrain(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _graceExpired = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        _idle.SetResult();
    }

    /// <summary>The signals every step runs with.</summary>
    public StopSignals Signals => new(_stopping.Token, _graceExpired.Token);

    /// <summary>Whether the stop has begun.</summary>
    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>How many steps are in flight.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Runs a job step on the thread pool, tracked until it ends. The step must not throw.</summary>
    /// <param name="step">The step, given the stop signals.</param>
    /// <returns>The step's task.</returns>
    public Task Start(Func<StopSignals, Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            if (_running++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        var signals = Signals;
        return Task.Run(async () =>
        {
            try
            {
                await step(signals);
            }
            finally
            {
                Finished();
            }
        });
    }

    /// <summary>Completes when no step is in flight.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    /// <summary>
    /// Begins the stop: waiting steps are handed back now, running steps when <paramref name="gracePeriod"/>
    /// has elapsed. Later calls do nothing.
    /// </summary>
    /// <param name="gracePeriod">The drain timeout.</param>
    public void BeginStop(TimeSpan gracePeriod)
    {
        if (Interlocked.Exchange(ref _stopBegun, 1) == 1)
        {
            return;
        }

        // Outside any lock: cancelling runs the waiting steps' continuations.
        _stopping.Cancel();
        if (gracePeriod <= TimeSpan.Zero)
        {
            _graceExpired.Cancel();
        }
        else
        {
            _graceExpired.CancelAfter(gracePeriod);
        }
    }

    /// <summary>Ends the grace period now: running steps are cancelled and handed back.</summary>
    public void ExpireGrace()
    {
        BeginStop(TimeSpan.Zero);
        _graceExpired.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Dispose();
        _graceExpired.Dispose();
    }

    private void Finished()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_running == 0)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }
}
