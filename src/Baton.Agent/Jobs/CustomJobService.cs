using Baton.CodePipeline;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Jobs;

/// <summary>The job verbs of a custom action type: PollForJobs, AcknowledgeJob, GetJobDetails, PutJob*Result.</summary>
public sealed class CustomJobService : IJobService
{
    private readonly ICodePipelineClient _client;
    private readonly IReadOnlyDictionary<string, string>? _queryParam;

    /// <summary>Creates the service.</summary>
    /// <param name="client">The CodePipeline client.</param>
    /// <param name="actionTypeId">The custom action type to poll.</param>
    /// <param name="queryParam">The optional queryable property filter (at most one entry).</param>
    public CustomJobService(ICodePipelineClient client, ActionTypeId actionTypeId, IReadOnlyDictionary<string, string>? queryParam = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(actionTypeId);
        _client = client;
        ActionTypeId = actionTypeId;
        _queryParam = queryParam is { Count: > 0 } ? queryParam : null;
    }

    /// <inheritdoc />
    public ActionTypeId ActionTypeId { get; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PolledJob>> PollAsync(int maxBatchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        var response = await _client.PollForJobsAsync(
            new PollForJobsRequest { ActionTypeId = ActionTypeId, MaxBatchSize = maxBatchSize, QueryParam = _queryParam },
            cancellationToken);
        return
        [
            .. (response.Jobs ?? []).Where(j => j.Id is not null)
                .Select(j => new PolledJob(new JobReference(j.Id!, IsThirdParty: false), j.Nonce, j.Data)),
        ];
    }

    /// <inheritdoc />
    public async ValueTask<AcknowledgedJob> AcknowledgeAsync(PolledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var nonce = job.Nonce ?? throw new ArgumentException($"Custom job {job.Reference.JobId} has no nonce to acknowledge with.", nameof(job));
        var response = await _client.AcknowledgeJobAsync(
            new AcknowledgeJobRequest { JobId = job.Reference.JobId, Nonce = nonce },
            cancellationToken);
        return new AcknowledgedJob(job.Reference, response.Status, job.Data ?? new JobData());
    }

    /// <inheritdoc />
    public async ValueTask<JobData> GetDetailsAsync(JobReference job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var response = await _client.GetJobDetailsAsync(new GetJobDetailsRequest { JobId = job.JobId }, cancellationToken);
        return response.JobDetails?.Data ?? new JobData();
    }

    /// <inheritdoc />
    public async ValueTask PutSuccessAsync(
        JobReference job,
        string? continuationToken,
        ExecutionDetails? executionDetails,
        CurrentRevision? currentRevision,
        IReadOnlyDictionary<string, string>? outputVariables,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await _client.PutJobSuccessResultAsync(
            new PutJobSuccessResultRequest
            {
                JobId = job.JobId,
                ContinuationToken = continuationToken,
                ExecutionDetails = executionDetails,
                CurrentRevision = currentRevision,
                OutputVariables = outputVariables is { Count: > 0 } ? outputVariables : null,
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask PutFailureAsync(JobReference job, FailureDetails failureDetails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await _client.PutJobFailureResultAsync(
            new PutJobFailureResultRequest { JobId = job.JobId, FailureDetails = failureDetails },
            cancellationToken);
    }
}
