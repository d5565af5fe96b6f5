namespace Baton.Agent.Journal;

/// <summary>
/// A journal shared by several agent replicas: every entry is owned by one agent with a lease. The
/// owner renews the leases of the jobs it is running; once an owner stops renewing (it died), a
/// peer adopts its unreported jobs and re-runs them. The journal keeps the clock and the lease
/// duration, so every write that takes a job (record, list, renew, adopt) extends its lease by the
/// same amount.
/// </summary>
public interface IJobLeaseJournal : IJobJournal
{
    /// <summary>
    /// Extends the leases of jobs an agent owns. A job that is no longer the agent's (a peer
    /// adopted it after the lease expired, or it was completed) is left alone and returned.
    /// </summary>
    /// <param name="agentId">The owning agent.</param>
    /// <param name="jobIds">The jobs the agent is running.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The job ids whose lease the agent no longer holds.</returns>
    ValueTask<IReadOnlyList<string>> RenewLeasesAsync(string agentId, IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over up to <paramref name="maxJobs"/> unreported jobs whose lease has expired, oldest
    /// first, atomically: two agents adopting at once never get the same job. Each adopted job is
    /// owned by <paramref name="agentId"/> with a fresh lease and its adoption count raised by one.
    /// </summary>
    /// <param name="agentId">The adopting agent.</param>
    /// <param name="actionTypes">Only jobs of these action types (<c>Category/Owner/Provider/Version</c>): the ones the agent has handlers for.</param>
    /// <param name="maxJobs">The most jobs to adopt.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The adopted jobs, oldest first.</returns>
    ValueTask<IReadOnlyList<LeaseAdoption>> AdoptExpiredAsync(
        string agentId, IReadOnlyCollection<string> actionTypes, int maxJobs, CancellationToken cancellationToken);
}
