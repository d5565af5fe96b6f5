using Baton.CodePipeline;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Jobs;

/// <summary>
/// The job verbs of a third-party (partner) action type. A poll returns only job and client ids;
/// claiming a job fetches its details with the client's token (which carry the data and the nonce)
/// and then acknowledges with that nonce. Every call carries the client token.
/// </summary>
public sealed class ThirdPartyJobService : IJobService
{
    private readonly ICodePipelineClient _client;
    private readonly IClientTokenProvider _clientTokens;

    /// <summary>Creates the service.</summary>
    /// <param name="client">The CodePipeline client.</param>
    /// <param name="actionTypeId">The third-party action type to poll.</param>
    /// <param name="clientTokens">Finds the client token of each client id.</param>
    public ThirdPartyJobService(ICodePipelineClient client, ActionTypeId actionTypeId, IClientTokenProvider clientTokens)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(actionTypeId);
        ArgumentNullException.ThrowIfNull(clientTokens);
        _client = client;
        ActionTypeId = actionTypeId;
        _clientTokens = clientTokens;
    }

    /// <inheritdoc />
    public ActionTypeId ActionTypeId { get; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PolledJob>> PollAsync(int maxBatchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        var response = await _client.PollForThirdPartyJobsAsync(
            new PollForThirdPartyJobsRequest { ActionTypeId = ActionTypeId, MaxBatchSize = maxBatchSize },
            cancellationToken);
        return
        [
            .. (response.Jobs ?? []).Where(j => j.JobId is not null)
                .Select(j => new PolledJob(new JobReference(j.JobId!, IsThirdParty: true, j.ClientId))),
        ];
    }

    /// <inheritdoc />
    public async ValueTask<AcknowledgedJob> AcknowledgeAsync(PolledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clientToken = await ClientTokenAsync(job.Reference, cancellationToken);
        var details = await FetchDetailsAsync(job.Reference, clientToken, cancellationToken);
        var nonce = details.Nonce
            ?? throw new InvalidOperationException($"GetThirdPartyJobDetails returned no nonce for job {job.Reference.JobId}, so it cannot be acknowledged.");
        var response = await _client.AcknowledgeThirdPartyJobAsync(
            new AcknowledgeThirdPartyJobRequest { JobId = job.Reference.JobId, Nonce = nonce, ClientToken = clientToken },
            cancellationToken);
        return new AcknowledgedJob(job.Reference, response.Status, ToJobData(details.Data));
    }

    /// <inheritdoc />
    public async ValueTask<JobData> GetDetailsAsync(JobReference job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clientToken = await ClientTokenAsync(job, cancellationToken);
        return ToJobData((await FetchDetailsAsync(job, clientToken, cancellationToken)).Data);
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
        if (outputVariables is { Count: > 0 })
        {
            // The runner reports this as a job failure before it gets here; this guards other callers.
            throw new ArgumentException(
                "Third-party actions cannot return output variables: PutThirdPartyJobSuccessResult has no outputVariables member.",
                nameof(outputVariables));
        }

        var clientToken = await ClientTokenAsync(job, cancellationToken);
        await _client.PutThirdPartyJobSuccessResultAsync(
            new PutThirdPartyJobSuccessResultRequest
            {
                JobId = job.JobId,
                ClientToken = clientToken,
                ContinuationToken = continuationToken,
                ExecutionDetails = executionDetails,
                CurrentRevision = currentRevision,
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask PutFailureAsync(JobReference job, FailureDetails failureDetails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clientToken = await ClientTokenAsync(job, cancellationToken);
        await _client.PutThirdPartyJobFailureResultAsync(
            new PutThirdPartyJobFailureResultRequest { JobId = job.JobId, ClientToken = clientToken, FailureDetails = failureDetails },
            cancellationToken);
    }

    private async ValueTask<string> ClientTokenAsync(JobReference job, CancellationToken cancellationToken) =>
        await _clientTokens.GetClientTokenAsync(
            job.ClientId ?? throw new ArgumentException($"Third-party job {job.JobId} has no client id.", nameof(job)),
            cancellationToken);

    private async ValueTask<ThirdPartyJobDetails> FetchDetailsAsync(JobReference job, string clientToken, CancellationToken cancellationToken)
    {
        var response = await _client.GetThirdPartyJobDetailsAsync(
            new GetThirdPartyJobDetailsRequest { JobId = job.JobId, ClientToken = clientToken },
            cancellationToken);
        return response.JobDetails
            ?? throw new InvalidOperationException($"GetThirdPartyJobDetails returned no job details for job {job.JobId}.");
    }

    // Third-party job data has the same members as custom job data; the agent handles one shape.
    private static JobData ToJobData(ThirdPartyJobData? data) => data is null
        ? new JobData()
        : new JobData
        {
            ActionTypeId = data.ActionTypeId,
            ActionConfiguration = data.ActionConfiguration,
            PipelineContext = data.PipelineContext,
            InputArtifacts = data.InputArtifacts,
            OutputArtifacts = data.OutputArtifacts,
            ArtifactCredentials = data.ArtifactCredentials,
            ContinuationToken = data.ContinuationToken,
            EncryptionKey = data.EncryptionKey,
        };
}
