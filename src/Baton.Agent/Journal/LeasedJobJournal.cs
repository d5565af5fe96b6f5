using System.Collections.Concurrent;

namespace Baton.Agent.Journal;

/// <summary>
/// The journal the agent writes through when its journal has leases: it passes every call to the
/// <see cref="IJobLeaseJournal"/> and remembers which jobs this process holds — recorded, listed
/// for resuming or adopted, and not yet completed — so <see cref="JournalLeaseService"/> renews
/// exactly those.
/// </summary>
public sealed class LeasedJobJournal : IJobJournal
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    /// <summary>Wraps a journal with leases.</summary>
    /// <param name="inner">The shared journal.</param>
    public LeasedJobJournal(IJobLeaseJournal inner)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    /// <summary>The shared journal.</summary>
    public IJobLeaseJournal Inner { get; }

    /// <summary>The jobs this process holds, whose leases it renews.</summary>
    public IReadOnlyCollection<string> HeldJobIds => [.. _held.Keys];

    /// <inheritdoc />
    public async ValueTask RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await Inner.RecordAsync(entry, cancellationToken);
        _held[entry.JobId] = 0;
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await Inner.CompleteAsync(jobId, cancellationToken);
        _held.TryRemove(jobId, out _);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JournalEntry>> ListUnreportedAsync(string agentId, CancellationToken cancellationToken)
    {
        // The agent lists its entries to resume them: from now on they are held.
        var entries = await Inner.ListUnreportedAsync(agentId, cancellationToken);
        Hold(entries.Select(e => e.JobId));
        return entries;
    }

    /// <summary>Holds jobs this process took over (adopted), so their leases are renewed.</summary>
    /// <param name="jobIds">The job ids.</param>
    public void Hold(IEnumerable<string> jobIds)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        foreach (var jobId in jobIds)
        {
            _held[jobId] = 0;
        }
    }

    /// <summary>Stops renewing jobs this process lost to a peer.</summary>
    /// <param name="jobIds">The job ids.</param>
    public void Release(IEnumerable<string> jobIds)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        foreach (var jobId in jobIds)
        {
            _held.TryRemove(jobId, out _);
        }
    }
}
