using Baton.Agent.Drain;
using Baton.Agent.Journal;
using Baton.Agent.Options;
using Baton.Agent.Polling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Hosting;

/// <summary>
/// The whole agent without a host: on start it re-runs the jobs its journal holds, then runs one
/// poller per action type; on stop it stops polling at once, hands back waiting jobs at once and
/// gives running steps <see cref="AgentOptions.DrainTimeout"/> before they are cancelled and handed
/// back. One instance runs once (<see cref="RunAsync"/> or <see cref="RunOnceAsync"/>).
/// </summary>
public sealed class JobAgent : IDisposable
{
    private readonly IReadOnlyList<JobPoller> _pollers;
    private readonly Dictionary<string, JobPoller> _byActionType;
    private readonly JobDrain _drain;
    private readonly IJobJournal _journal;
    private readonly AgentStatus _status;
    private readonly AgentOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abandon = new();
    private int _started;

    /// <summary>Creates the agent.</summary>
    /// <param name="pollers">One poller per action type.</param>
    /// <param name="drain">The in-flight jobs the pollers start.</param>
    /// <param name="journal">The crash-recovery journal.</param>
    /// <param name="status">Receives the agent's state for the health check.</param>
    /// <param name="options">The agent options (agent id, drain timeout).</param>
    /// <param name="logger">The logger.</param>
    public JobAgent(
        IEnumerable<JobPoller> pollers,
        JobDrain drain,
        IJobJournal journal,
        AgentStatus status,
        IOptions<AgentOptions> options,
        ILogger<JobAgent> logger)
    {
        ArgumentNullException.ThrowIfNull(pollers);
        ArgumentNullException.ThrowIfNull(options);
        _pollers = [.. pollers];
        _byActionType = _pollers.ToDictionary(p => p.ActionType, StringComparer.Ordinal);
        _drain = drain ?? throw new ArgumentNullException(nameof(drain));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options.Value;
        _status.SetPollers([.. _pollers.Select(p => p.Health)]);
    }

    /// <summary>The pollers, one per action type.</summary>
    public IReadOnlyList<JobPoller> Pollers => _pollers;

    /// <summary>
    /// Resumes journaled jobs, then polls every action type until <paramref name="stoppingToken"/> is
    /// cancelled, then drains: returns once every job taken has been reported (or <see cref="Abandon"/>).
    /// </summary>
    /// <param name="stoppingToken">Starts the graceful stop.</param>
    public Task RunAsync(CancellationToken stoppingToken) =>
        RunCoreAsync((poller, ct) => poller.RunAsync(ct), stoppingToken);

    /// <summary>
    /// For one-shot runs (<c>baton agent --once</c>): resumes journaled jobs, polls each action type
    /// until a poll returns nothing while none of its jobs runs, and returns once every job taken has
    /// been reported. Continuation jobs that CodePipeline queues after their predecessor's report are
    /// picked up while other jobs are still running or by the final poll; those queued later (a
    /// continuation delay) are left for the next run. Cancelling <paramref name="cancellationToken"/>
    /// stops gracefully, as for <see cref="RunAsync"/>. A rejected poll (access denied, unknown
    /// action type) stops the run and is rethrown once the taken jobs are handed back.
    /// </summary>
    /// <param name="cancellationToken">Starts the graceful stop.</param>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await RunCoreAsync((poller, ct) => poller.RunOnceAsync(ct), cancellationToken);
        Log.RunOnceFinished(_logger);
    }

    /// <summary>Stops waiting for in-flight jobs: the host's shutdown timeout is over. Unreported jobs stay in the journal.</summary>
    public void Abandon() => _abandon.Cancel();

    /// <inheritdoc />
    public void Dispose() => _abandon.Dispose();

    private async Task RunCoreAsync(Func<JobPoller, CancellationToken, Task> poll, CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A JobAgent runs once; create a new one to run again.");
        }

        Log.AgentStarting(_logger, _options.AgentId, _pollers.Count, string.Join(", ", _byActionType.Keys));
        using var polling = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopRegistration = polling.Token.Register(() => _drain.BeginStop(_options.DrainTimeout));
        try
        {
            _status.Set(AgentState.Resuming);
            await ResumeAsync(polling.Token);
            _status.Set(AgentState.Polling);
            await Task.WhenAll(_pollers.Select(p => PollUntilFailureAsync(p, polling, poll)));
        }
        catch (OperationCanceledException) when (polling.IsCancellationRequested)
        {
            // Stopped while resuming (waiting for a slot): the journal still holds the rest.
        }
        finally
        {
            await DrainAsync();
        }
    }

    private static async Task PollUntilFailureAsync(JobPoller poller, CancellationTokenSource polling, Func<JobPoller, CancellationToken, Task> poll)
    {
        try
        {
            await poll(poller, polling.Token);
        }
        catch
        {
            // One poller gave up (run-once, rejected poll): stop the others and hand back what runs.
            await polling.CancelAsync();
            throw;
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<JournalEntry> entries;
        try
        {
            entries = await _journal.ListUnreportedAsync(_options.AgentId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Log.JournalListFailed(_logger, ex);
            return;
        }

        if (entries.Count > 0)
        {
            Log.ResumingJobs(_logger, entries.Count);
        }

        foreach (var entry in entries)
        {
            if (_byActionType.TryGetValue(entry.ActionType, out var poller))
            {
                await poller.ResumeAsync(entry, cancellationToken);
            }
            else
            {
                Log.NoHandlerForJournaledJob(_logger, entry.JobId, entry.ActionType);
            }
        }
    }

    private async Task DrainAsync()
    {
        if (_drain.IsStopping)
        {
            _status.Set(AgentState.Draining);
            Log.Draining(_logger, _drain.Running, _options.DrainTimeout);
        }

        try
        {
            await _drain.WhenIdleAsync().WaitAsync(_abandon.Token);
            Log.Drained(_logger);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            _drain.ExpireGrace();
            Log.DrainAbandoned(_logger, _drain.Running);
        }
        finally
        {
            _status.Set(AgentState.Stopped);
        }
    }
}
