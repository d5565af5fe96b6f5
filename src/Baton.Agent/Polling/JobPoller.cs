using Baton.Agent.Drain;
using Baton.Agent.Jobs;
using Baton.Agent.Journal;
using Baton.Agent.Options;
using Baton.Agent.Runner;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Polling;

/// <summary>
/// Polls one action type and runs each polled job on its <see cref="JobRunner"/> without blocking
/// the loop. Each poll asks for as many jobs as there are free slots; while polls return jobs and
/// slots are free it polls again at once, after an empty poll it waits (growing, jittered), and
/// after a failed poll it backs off exponentially, logging once when the failures start and once
/// when polling recovers. A job holds its slot until its report is done. A continuation reported
/// for the action type ends an idle wait at once (see <see cref="PollWakeup"/>) and restarts the
/// idle backoff, so a continuing job is picked up as soon as CodePipeline queues it.
/// </summary>
public sealed class JobPoller
{
    private readonly IJobService _jobs;
    private readonly JobRunner _runner;
    private readonly JobSlots _slots;
    private readonly JobDrain _drain;
    private readonly PollBackoff _backoff;
    private readonly PollingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PollWakeup _wakeup;
    private int _failedPolls;
    private DateTimeOffset _failingSince;

    /// <summary>Creates the poller of one action type.</summary>
    /// <param name="jobs">The action type's job verbs.</param>
    /// <param name="runner">Runs each job.</param>
    /// <param name="maxConcurrency">How many jobs of this type may run at once (the slots).</param>
    /// <param name="drain">Tracks the running jobs and carries the stop signals.</param>
    /// <param name="options">Poll pacing.</param>
    /// <param name="jitter">Spreads the waits.</param>
    /// <param name="timeProvider">The clock and timers.</param>
    /// <param name="logger">The logger.</param>
    public JobPoller(
        IJobService jobs,
        JobRunner runner,
        int maxConcurrency,
        JobDrain drain,
        PollingOptions options,
        IJitterSource jitter,
        TimeProvider timeProvider,
        ILogger<JobPoller> logger)
        : this(jobs, runner, maxConcurrency, drain, options, jitter, timeProvider, logger, new PollWakeup())
    {
    }

    /// <summary>
    /// Creates the poller of one action type whose idle waits end when <paramref name="wakeup"/> is
    /// signalled: pass the same wake-up to a <see cref="ContinuationWakeJobService"/> around the
    /// runner's job port.
    /// </summary>
    internal JobPoller(
        IJobService jobs,
        JobRunner runner,
        int maxConcurrency,
        JobDrain drain,
        PollingOptions options,
        IJitterSource jitter,
        TimeProvider timeProvider,
        ILogger<JobPoller> logger,
        PollWakeup wakeup)
    {
        _wakeup = wakeup ?? throw new ArgumentNullException(nameof(wakeup));
        _jobs = jobs ?? throw new ArgumentNullException(nameof(jobs));
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _drain = drain ?? throw new ArgumentNullException(nameof(drain));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _slots = new JobSlots(maxConcurrency);
        _backoff = new PollBackoff(options, jitter);
        ActionType = ActionTypeIds.Format(jobs.ActionTypeId);
        Health = new PollerHealth(ActionType);
    }

    /// <summary>The polled action type, <c>Category/Owner/Provider/Version</c>.</summary>
    public string ActionType { get; }

    /// <summary>The poller's health, read by the health check.</summary>
    public PollerHealth Health { get; }

    /// <summary>Polls until <paramref name="cancellationToken"/> is cancelled. Started jobs keep running (the drain owns them).</summary>
    /// <param name="cancellationToken">Stops polling.</param>
    public Task RunAsync(CancellationToken cancellationToken) => PollAsync(once: false, cancellationToken);

    /// <summary>
    /// Polls until a poll returns no job while none of the jobs it started is still running, then
    /// returns: everything queued for this action type has been run and reported. A poll that
    /// returns nothing while jobs run waits for them and polls again, since their reports may queue
    /// the next job of a continuation. Transient failures back off and retry; a rejected poll
    /// (access denied, unknown action type, bad queryParam) throws.
    /// </summary>
    /// <param name="cancellationToken">Stops polling.</param>
    public Task RunOnceAsync(CancellationToken cancellationToken) => PollAsync(once: true, cancellationToken);

    /// <summary>Re-runs a journaled job of this action type in a slot (waiting for one if all are taken).</summary>
    /// <param name="entry">The journal entry.</param>
    /// <param name="cancellationToken">Stops waiting for a slot.</param>
    public async Task ResumeAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        while (!_slots.TryTake())
        {
            await _slots.WaitForFreeAsync(cancellationToken);
        }

        _ = _drain.Start(stop => RunInSlotAsync(entry.JobId, () => _runner.ResumeAsync(entry, stop)));
    }

    private async Task PollAsync(bool once, CancellationToken cancellationToken)
    {
        Health.Started(_time.GetUtcNow());
        Log.PollingStarted(_logger, ActionType, _slots.Capacity);
        var emptyPolls = 0;
        try
        {
            while (true)
            {
                await WaitForFreeSlotAsync(cancellationToken);

                // Run-once may end only on an empty poll made while none of its jobs ran: a job that
                // reports after the poll may have queued the next job of its action execution.
                var noneRunning = _slots.Free == _slots.Capacity;
                var jobs = await TryPollAsync(once, cancellationToken);
                if (jobs is null)
                {
                    continue;
                }

                if (jobs.Count > 0)
                {
                    emptyPolls = 0;
                    StartJobs(jobs);
                    continue;
                }

                if (once)
                {
                    if (noneRunning)
                    {
                        return;
                    }

                    await _slots.WaitUntilAllFreeAsync(cancellationToken);
                    continue;
                }

                if (await _wakeup.WaitAsync(_backoff.Idle(++emptyPolls), _time, cancellationToken))
                {
                    // A continuation was just reported: its job is queued, and the backoff starts over.
                    Log.WokenByContinuation(_logger, ActionType, emptyPolls);
                    emptyPolls = 0;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.PollingStopped(_logger, ActionType);
        }
    }

    private async Task WaitForFreeSlotAsync(CancellationToken cancellationToken)
    {
        if (_slots.Free > 0)
        {
            return;
        }

        // Not polling because every slot is busy is healthy, however long the jobs take.
        Health.SetAllSlotsBusy(true);
        try
        {
            await _slots.WaitForFreeAsync(cancellationToken);
        }
        finally
        {
            Health.SetAllSlotsBusy(false);
        }
    }

    private async Task<IReadOnlyList<PolledJob>?> TryPollAsync(bool once, CancellationToken cancellationToken)
    {
        var maxBatchSize = _slots.Free;
        IReadOnlyList<PolledJob> jobs;

        // This poll sees every continuation reported so far; only later ones should wake the next wait.
        _wakeup.Reset();
        try
        {
            jobs = await _jobs.PollAsync(maxBatchSize, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = PollFailure.Classify(ex);
            Health.PollFailed(failure.Description);
            if (++_failedPolls == 1)
            {
                _failingSince = _time.GetUtcNow();
                LogFailureStart(failure, ex);
            }

            if (once && !failure.IsTransient)
            {
                throw;
            }

            await Task.Delay(_backoff.Error(_failedPolls), _time, cancellationToken);
            return null;
        }

        if (_failedPolls > 0)
        {
            Log.PollRecovered(_logger, ActionType, _failedPolls, _time.GetUtcNow() - _failingSince);
            _failedPolls = 0;
        }

        Health.PollSucceeded(_time.GetUtcNow());
        Log.Polled(_logger, jobs.Count, ActionType, maxBatchSize);
        return jobs;
    }

    private void LogFailureStart(PollFailure failure, Exception exception)
    {
        if (failure.IsTransient)
        {
            Log.PollFailing(_logger, ActionType, failure.Description, _options.ErrorBackoffMax, exception);
        }
        else
        {
            Log.PollRejected(_logger, ActionType, failure.Description, _options.ErrorBackoffMax, exception);
        }
    }

    private void StartJobs(IReadOnlyList<PolledJob> jobs)
    {
        foreach (var job in jobs)
        {
            if (!_slots.TryTake())
            {
                // Never acknowledged, so CodePipeline redelivers it to whoever polls next.
                Log.TooManyJobs(_logger, ActionType, job.Reference.JobId);
                continue;
            }

            _ = _drain.Start(stop => RunInSlotAsync(job.Reference.JobId, () => _runner.RunAsync(job, stop)));
        }
    }

    private async Task RunInSlotAsync(string jobId, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex)
        {
            // The runner reports every outcome itself; this only keeps one bug from killing the agent.
            Log.JobTaskFailed(_logger, jobId, ex.GetType().Name, ex);
        }
        finally
        {
            _slots.Release();
        }
    }
}
