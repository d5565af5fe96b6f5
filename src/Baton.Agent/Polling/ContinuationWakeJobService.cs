using Baton.Agent.Jobs;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Polling;

/// <summary>
/// The job port of one action type, passed through, that signals the action type's
/// <see cref="PollWakeup"/> once a success report with a continuation token has been accepted:
/// the continuation job is then already queued, and the poller should fetch it now.
/// </summary>
/// <param name="inner">The job port.</param>
/// <param name="wakeup">The poller's wake-up.</param>
internal sealed class ContinuationWakeJobService(IJobService inner, PollWakeup wakeup) : IJobService
{
    public ActionTypeId ActionTypeId => inner.ActionTypeId;

    public ValueTask<IReadOnlyList<PolledJob>> PollAsync(int maxBatchSize, CancellationToken cancellationToken) =>
        inner.PollAsync(maxBatchSize, cancellationToken);

    public ValueTask<AcknowledgedJob> AcknowledgeAsync(PolledJob job, CancellationToken cancellationToken) =>
        inner.AcknowledgeAsync(job, cancellationToken);

    public ValueTask<JobData> GetDetailsAsync(JobReference job, CancellationToken cancellationToken) =>
        inner.GetDetailsAsync(job, cancellationToken);

    public async ValueTask PutSuccessAsync(
        JobReference job,
        string? continuationToken,
        ExecutionDetails? executionDetails,
        CurrentRevision? currentRevision,
        IReadOnlyDictionary<string, string>? outputVariables,
        CancellationToken cancellationToken)
    {
        await inner.PutSuccessAsync(job, continuationToken, executionDetails, currentRevision, outputVariables, cancellationToken);
        if (continuationToken is not null)
        {
            wakeup.Signal();
        }
    }

    public ValueTask PutFailureAsync(JobReference job, FailureDetails failureDetails, CancellationToken cancellationToken) =>
        inner.PutFailureAsync(job, failureDetails, cancellationToken);
}
