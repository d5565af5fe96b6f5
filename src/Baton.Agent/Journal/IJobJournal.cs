namespace Baton.Agent.Journal;

/// <summary>
/// The crash-recovery journal: every acknowledged job is recorded before its step has any side
/// effect and completed once its report is accepted, so an agent killed in between finds the job
/// on restart and reports it before CodePipeline times it out.
/// </summary>
public interface IJobJournal
{
    /// <summary>Records an acknowledged job (replacing any entry with the same job id).</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask RecordAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Marks a job as reported: its entry is removed.</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask CompleteAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Lists the jobs an agent recorded and never completed, oldest first.</summary>
    /// <param name="agentId">The agent replica.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<IReadOnlyList<JournalEntry>> ListUnreportedAsync(string agentId, CancellationToken cancellationToken);
}
