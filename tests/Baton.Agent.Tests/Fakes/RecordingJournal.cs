using Baton.Agent.Journal;

namespace Baton.Agent.Tests.Fakes;

/// <summary>An in-memory journal that also notes when it was written.</summary>
internal sealed class RecordingJournal(EventLog events) : IJobJournal
{
    private readonly InMemoryJobJournal _inner = new();

    public Exception? RecordException { get; set; }

    public ValueTask RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        events.Add("record");
        return RecordException is { } ex ? ValueTask.FromException(ex) : _inner.RecordAsync(entry, cancellationToken);
    }

    public ValueTask CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        events.Add("complete");
        return _inner.CompleteAsync(jobId, cancellationToken);
    }

    public ValueTask<IReadOnlyList<JournalEntry>> ListUnreportedAsync(string agentId, CancellationToken cancellationToken) =>
        _inner.ListUnreportedAsync(agentId, cancellationToken);
}
