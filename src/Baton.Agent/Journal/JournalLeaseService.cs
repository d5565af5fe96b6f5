using Baton.Agent.Hosting;
using Baton.Agent.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Journal;

/// <summary>
/// Keeps the agent's jobs in a shared journal owned and takes over a dead peer's: every
/// <see cref="JournalLeaseOptions.RenewInterval"/> it renews the leases of the jobs this process
/// holds, and every <see cref="JournalLeaseOptions.AdoptInterval"/> it adopts unreported jobs whose
/// lease expired and re-runs them the way the agent resumes its own journal on start (the action
/// type's poller runs the step again in a slot and reports it). On stop it renews once more, so the
/// drain that follows keeps its jobs for a whole lease.
/// </summary>
public sealed class JournalLeaseService : BackgroundService
{
    private readonly LeasedJobJournal _journal;
    private readonly JobAgent _agent;
    private readonly JournalLeaseOptions _options;
    private readonly AgentOptions _agentOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="journal">The journal the agent writes through, which knows the jobs held here.</param>
    /// <param name="agent">The agent whose pollers re-run adopted jobs.</param>
    /// <param name="options">Lease duration and intervals.</param>
    /// <param name="agentOptions">The agent options (agent id, drain timeout).</param>
    /// <param name="timeProvider">Runs the intervals.</param>
    /// <param name="logger">The logger.</param>
    public JournalLeaseService(
        LeasedJobJournal journal,
        JobAgent agent,
        JournalLeaseOptions options,
        IOptions<AgentOptions> agentOptions,
        TimeProvider timeProvider,
        ILogger<JournalLeaseService> logger)
    {
        ArgumentNullException.ThrowIfNull(agentOptions);
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _agent = agent ?? throw new ArgumentNullException(nameof(agent));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _agentOptions = agentOptions.Value;
    }

    /// <summary>Renews the leases of the jobs this process holds; jobs a peer adopted meanwhile are let go.</summary>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var held = _journal.HeldJobIds;
        if (held.Count == 0)
        {
            return;
        }

        try
        {
            var lost = await _journal.Inner.RenewLeasesAsync(_agentOptions.AgentId, held, cancellationToken);
            _journal.Release(lost);
            foreach (var jobId in lost)
            {
                LeaseLog.LeaseLost(_logger, jobId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LeaseLog.RenewFailed(_logger, held.Count, _options.RenewInterval, _options.LeaseDuration, ex);
        }
    }

    /// <summary>
    /// Adopts up to <see cref="JournalLeaseOptions.AdoptBatchSize"/> expired jobs of the action types
    /// this agent handles and starts re-running each (waiting for a free slot).
    /// </summary>
    /// <param name="cancellationToken">Cancels the look and the wait for slots.</param>
    /// <returns>How many jobs were adopted.</returns>
    public async Task<int> AdoptAsync(CancellationToken cancellationToken)
    {
        var pollers = _agent.Pollers.ToDictionary(p => p.ActionType, StringComparer.Ordinal);
        if (pollers.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<LeaseAdoption> adopted;
        try
        {
            adopted = await _journal.Inner.AdoptExpiredAsync(_agentOptions.AgentId, pollers.Keys, _options.AdoptBatchSize, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LeaseLog.AdoptFailed(_logger, _options.AdoptInterval, ex);
            return 0;
        }

        _journal.Hold(adopted.Select(a => a.Entry.JobId));
        foreach (var adoption in adopted)
        {
            var entry = adoption.Entry;
            LeaseLog.Adopted(_logger, entry.JobId, entry.Step, entry.ActionType, adoption.PreviousAgentId, adoption.Adoptions);

            // The journal adopts only the action types asked for, so the poller is there.
            await pollers[entry.ActionType].ResumeAsync(entry, cancellationToken);
        }

        return adopted.Count;
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        LeaseLog.LeasesStarted(_logger, _agentOptions.AgentId, _options.RenewInterval, _options.LeaseDuration, _options.AdoptInterval);
        if (_options.LeaseDuration <= _agentOptions.DrainTimeout)
        {
            LeaseLog.LeaseShorterThanDrain(_logger, _options.LeaseDuration, _agentOptions.DrainTimeout);
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // The agent drains after this service stops: one last renewal keeps its jobs for that long.
        await RenewAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        EveryAsync(_options.RenewInterval, RenewAsync, stoppingToken),
        EveryAsync(_options.AdoptInterval, AdoptAsync, stoppingToken));

    private async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task> round, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            do
            {
                await round(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
