using Microsoft.Extensions.Logging;

namespace Baton.Agent.Journal;

/// <summary>The journal leases' log messages (event ids 500–519).</summary>
internal static partial class LeaseLog
{
    [LoggerMessage(500, LogLevel.Information, "Adopted job {JobId} (step {Step}, {ActionType}) from agent {PreviousAgentId}, whose lease expired (adoption {Adoptions}); re-running it.")]
    public static partial void Adopted(ILogger logger, string jobId, int step, string actionType, string previousAgentId, int adoptions);

    [LoggerMessage(501, LogLevel.Warning, "Job {JobId} is no longer this agent's: its lease expired and another agent adopted it (or it was completed). This agent stops renewing it; its report may be refused as a duplicate.")]
    public static partial void LeaseLost(ILogger logger, string jobId);

    [LoggerMessage(502, LogLevel.Warning, "Could not renew the leases of {Count} job(s); retrying in {RenewInterval}. If renewals keep failing for {LeaseDuration}, other agents adopt and re-run those jobs.")]
    public static partial void RenewFailed(ILogger logger, int count, TimeSpan renewInterval, TimeSpan leaseDuration, Exception exception);

    [LoggerMessage(503, LogLevel.Warning, "Could not look for jobs with expired leases; retrying in {AdoptInterval}.")]
    public static partial void AdoptFailed(ILogger logger, TimeSpan adoptInterval, Exception exception);

    [LoggerMessage(504, LogLevel.Warning, "Baton:Agent:Journal lease duration ({LeaseDuration}) is not longer than Baton:Agent:DrainTimeout ({DrainTimeout}): a stopping agent's running jobs may be adopted by a peer while it still drains them. Raise LeaseDuration.")]
    public static partial void LeaseShorterThanDrain(ILogger logger, TimeSpan leaseDuration, TimeSpan drainTimeout);

    [LoggerMessage(505, LogLevel.Information, "Journal leases: agent {AgentId} renews its jobs every {RenewInterval} for {LeaseDuration} and adopts expired ones every {AdoptInterval}.")]
    public static partial void LeasesStarted(ILogger logger, string agentId, TimeSpan renewInterval, TimeSpan leaseDuration, TimeSpan adoptInterval);
}
