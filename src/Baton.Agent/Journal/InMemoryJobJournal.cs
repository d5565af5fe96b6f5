using System.Collections.Concurrent;

namespace Baton.Agent.Journal;

/// <summary>A journal that lives only as long as the process: for tests and throwaway agents.</summary>
public sealed class InMemoryJobJournal : IJobJournal
{
    private readonly ConcurrentDictionary<string, JournalEntry> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries[entry.JobId] = entry;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        _entries.TryRemove(jobId, out _);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<JournalEntry>> ListUnreportedAsync(string agentId, CancellationToken cancellationToken)
    {
        IReadOnlyList<JournalEntry> entries =
        [
            .. _entries.Values
                .Where(e => string.Equals(e.AgentId, agentId, StringComparison.Ordinal))
                .OrderBy(e => e.RecordedAt),
        ];
        return ValueTask.FromResult(entries);
    }
}
