using Baton.CodePipeline.Model;

namespace Baton.Agent.Jobs;

/// <summary>
/// The CodePipeline job verbs the agent needs, for one action type. Custom and third-party jobs
/// sit behind this one port; the differences (client tokens, details before acknowledging, no
/// output variables) stay inside the two implementations.
/// </summary>
public interface IJobService
{
    /// <summary>The action type this service polls.</summary>
    ActionTypeId ActionTypeId { get; }

    /// <summary>Asks CodePipeline for up to <paramref name="maxBatchSize"/> jobs.</summary>
    /// <param name="maxBatchSize">How many jobs the agent can take now (its free slots), at least 1.</param>
    /// <param name="cancellationToken">Cancels the poll.</param>
    ValueTask<IReadOnlyList<PolledJob>> PollAsync(int maxBatchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Claims a polled job. A third-party job's details (data and nonce) are fetched with its client
    /// token first. Only a returned status of <see cref="JobStatus.InProgress"/> means the job is ours.
    /// </summary>
    /// <param name="job">The polled job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<AcknowledgedJob> AcknowledgeAsync(PolledJob job, CancellationToken cancellationToken);

    /// <summary>Fetches a job's data again (fresh artifact credentials, or a job found in the journal).</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<JobData> GetDetailsAsync(JobReference job, CancellationToken cancellationToken);

    /// <summary>Reports success: with a continuation token CodePipeline creates the next job; without one the action execution succeeds.</summary>
    /// <param name="job">The job.</param>
    /// <param name="continuationToken">The token for the next job, or null for the final success.</param>
    /// <param name="executionDetails">Progress, summary and external execution id.</param>
    /// <param name="currentRevision">The revision the action produced, if any.</param>
    /// <param name="outputVariables">Output variables (custom actions only, and only without a continuation token).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask PutSuccessAsync(
        JobReference job,
        string? continuationToken,
        ExecutionDetails? executionDetails,
        CurrentRevision? currentRevision,
        IReadOnlyDictionary<string, string>? outputVariables,
        CancellationToken cancellationToken);

    /// <summary>Reports failure, which ends the action execution.</summary>
    /// <param name="job">The job.</param>
    /// <param name="failureDetails">The failure type, message and external execution id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask PutFailureAsync(JobReference job, FailureDetails failureDetails, CancellationToken cancellationToken);
}
