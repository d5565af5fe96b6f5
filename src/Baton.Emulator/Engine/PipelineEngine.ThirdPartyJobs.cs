using System.Security.Cryptography;
using System.Text;
using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// The third-party job operations: the same job life cycle as custom jobs, but every call after
// the poll proves the caller with the client token of the job's pipeline action, and the nonce
// comes from GetThirdPartyJobDetails rather than from the poll.
public sealed partial class PipelineEngine
{
    /// <summary>PollForThirdPartyJobs: hands out queued third-party jobs as (clientId, jobId) pairs.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<PollForThirdPartyJobsResponse> PollForThirdPartyJobsAsync(PollForThirdPartyJobsRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = RequirePollableType(request.ActionTypeId, ActionOwner.ThirdParty, "PollForThirdPartyJobs", "PollForJobs");
        var jobs = Dispatch(type, thirdParty: true, request.MaxBatchSize ?? 1, queryValue: null);
        return new PollForThirdPartyJobsResponse
        {
            Jobs = [.. jobs.Select(job => new ThirdPartyJob { ClientId = job.ClientId, JobId = job.Id })],
        };
    }, cancellationToken);

    /// <summary>GetThirdPartyJobDetails: describes a third-party job, with its nonce, to the holder of its client token.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<GetThirdPartyJobDetailsResponse> GetThirdPartyJobDetailsAsync(GetThirdPartyJobDetailsRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = RequireThirdPartyJob(request.JobId, request.ClientToken);
        return new GetThirdPartyJobDetailsResponse
        {
            JobDetails = new ThirdPartyJobDetails { Id = job.Id, Data = BuildThirdPartyJobData(job), Nonce = job.Nonce },
        };
    }, cancellationToken);

    /// <summary>AcknowledgeThirdPartyJob: claims a dispatched third-party job.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<AcknowledgeThirdPartyJobResponse> AcknowledgeThirdPartyJobAsync(AcknowledgeThirdPartyJobRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = RequireThirdPartyJob(request.JobId, request.ClientToken);
        return new AcknowledgeThirdPartyJobResponse { Status = Acknowledge(job, request.Nonce) };
    }, cancellationToken);

    /// <summary>PutThirdPartyJobSuccessResult: ends a third-party job, possibly with a continuation token.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>A completed task.</returns>
    public Task PutThirdPartyJobSuccessResultAsync(PutThirdPartyJobSuccessResultRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = RequireThirdPartyJob(request.JobId, request.ClientToken);
        Succeed(job, request.CurrentRevision, request.ContinuationToken, request.ExecutionDetails, outputVariables: null);
        return 0;
    }, cancellationToken);

    /// <summary>PutThirdPartyJobFailureResult: fails a third-party job and its action execution.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>A completed task.</returns>
    public Task PutThirdPartyJobFailureResultAsync(PutThirdPartyJobFailureResultRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = RequireThirdPartyJob(request.JobId, request.ClientToken);
        Fail(job, request.FailureDetails);
        return 0;
    }, cancellationToken);

    private JobEntity RequireThirdPartyJob(string jobId, string clientToken)
    {
        var job = RequireJob(jobId, thirdParty: true);
        var client = job.ClientId is null ? null : _state.ThirdPartyClients.GetValueOrDefault(job.ClientId);
        if (client is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.ClientToken), Encoding.UTF8.GetBytes(clientToken ?? string.Empty)))
        {
            throw EngineErrors.InvalidClientToken(job.Id);
        }

        return job;
    }
}
