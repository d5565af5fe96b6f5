using System.Globalization;
using System.Text;
using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// The custom-action job operations and the job life cycle shared with third-party jobs:
//   Created ─(continuation delay)─► Queued ─poll─► Dispatched(nonce n) ─ack(n)─► InProgress
//   Dispatched ─(ack timeout)─► Queued (n is void; the next poll issues a new nonce)
//   Dispatched|InProgress ─Put*Result─► Succeeded | Failed;  any open job ─(job timeout)─► TimedOut
public sealed partial class PipelineEngine
{
    private const int MaxOutputVariableBytes = 122_880;

    /// <summary>PollForJobs: hands out queued jobs of a custom action type, each with a fresh nonce.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<PollForJobsResponse> PollForJobsAsync(PollForJobsRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = RequirePollableType(request.ActionTypeId, ActionOwner.Custom, "PollForJobs", "PollForThirdPartyJobs");
        var query = request.QueryParam is { Count: > 0 } map ? map.First() : (KeyValuePair<string, string>?)null;
        if (query is { } q)
        {
            var queryable = type.QueryableProperty
                ?? throw EngineErrors.Validation($"{ActionTypeEntity.Describe(type.Id)} has no queryable configuration property, so queryParam must be empty.");
            if (q.Key != queryable.Name)
            {
                throw EngineErrors.Validation($"queryParam key '{q.Key}' is not the queryable property of {ActionTypeEntity.Describe(type.Id)}; use '{queryable.Name}'.");
            }
        }

        var jobs = Dispatch(type, thirdParty: false, request.MaxBatchSize ?? 1, query?.Value);
        return new PollForJobsResponse
        {
            Jobs = [.. jobs.Select(job => new Job { Id = job.Id, Data = BuildJobData(job), Nonce = job.Nonce, AccountId = _options.AccountId })],
        };
    }, cancellationToken);

    /// <summary>AcknowledgeJob: claims a dispatched job with the nonce of its latest dispatch.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<AcknowledgeJobResponse> AcknowledgeJobAsync(AcknowledgeJobRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = RequireJob(request.JobId, thirdParty: false);
        return new AcknowledgeJobResponse { Status = Acknowledge(job, request.Nonce) };
    }, cancellationToken);

    /// <summary>GetJobDetails: describes a job again, with its artifact credentials.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<GetJobDetailsResponse> GetJobDetailsAsync(GetJobDetailsRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = RequireJob(request.JobId, thirdParty: false);
        return new GetJobDetailsResponse { JobDetails = new JobDetails { Id = job.Id, Data = BuildJobData(job), AccountId = _options.AccountId } };
    }, cancellationToken);

    /// <summary>PutJobSuccessResult: ends a job; with a continuation token a new job follows for the same action execution.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>A completed task.</returns>
    public Task PutJobSuccessResultAsync(PutJobSuccessResultRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContinuationToken is not null && request.OutputVariables is { Count: > 0 })
        {
            throw EngineErrors.Validation(
                "outputVariables can only be set when continuationToken is not set; send them with the final PutJobSuccessResult (the one without a continuation token).");
        }

        var job = RequireJob(request.JobId, thirdParty: false);
        Succeed(job, request.CurrentRevision, request.ContinuationToken, request.ExecutionDetails, request.OutputVariables);
        return 0;
    }, cancellationToken);

    /// <summary>PutJobFailureResult: fails a job and its action execution.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>A completed task.</returns>
    public Task PutJobFailureResultAsync(PutJobFailureResultRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = RequireJob(request.JobId, thirdParty: false);
        Fail(job, request.FailureDetails);
        return 0;
    }, cancellationToken);

    private ActionTypeEntity RequirePollableType(ActionTypeId id, string owner, string operation, string otherOperation)
    {
        if (id.Owner != owner)
        {
            throw EngineErrors.Validation($"{operation} polls action types with owner '{owner}'; for owner '{id.Owner}' use {(id.Owner == ActionOwner.Aws ? "no job worker (AWS runs them)" : otherOperation)}.");
        }

        if (!_state.ActionTypes.TryGetValue(ActionTypeEntity.KeyOf(id), out var type))
        {
            throw EngineErrors.ActionTypeNotFound($"{ActionTypeEntity.Describe(id)} does not exist; create it first (CreateCustomActionType).");
        }

        if (type.Deleted)
        {
            throw EngineErrors.ActionTypeNotFound($"{ActionTypeEntity.Describe(id)} has been deleted; polling for a deleted action type fails.");
        }

        return type;
    }

    // The queue index hands out the oldest visible jobs first, so a poll costs what it returns.
    private List<JobEntity> Dispatch(ActionTypeEntity type, bool thirdParty, int maxBatchSize, string? queryValue)
    {
        ApplyTimers();
        var now = _time.GetUtcNow();
        var jobs = _state.JobIndex.Queued(type.StoreId, thirdParty, queryValue).Take(maxBatchSize).ToList();
        foreach (var job in jobs)
        {
            job.Status = JobStatus.Dispatched;
            job.DispatchCount++;
            job.Nonce = job.DispatchCount.ToString(CultureInfo.InvariantCulture);
            job.DispatchedAt = now;
            _state.Touch(job);
            Log.JobDispatched(_logger, job.Id, job.DispatchCount);
        }

        return jobs;
    }

    private JobEntity RequireJob(string jobId, bool thirdParty) =>
        _state.Jobs.TryGetValue(jobId ?? string.Empty, out var job) && job.IsThirdParty == thirdParty
            ? job
            : throw EngineErrors.JobNotFound(jobId ?? string.Empty);

    private string Acknowledge(JobEntity job, string nonce)
    {
        ApplyTimers();
        if (job.IsTerminal)
        {
            return job.Status;
        }

        if (job.Status is JobStatus.Queued or JobStatus.Created)
        {
            throw EngineErrors.InvalidNonce(job.DispatchCount == 0
                ? $"Job {job.Id} has not been handed out yet; poll for it to get a nonce."
                : $"Nonce '{nonce}' is no longer valid: job {job.Id} was not acknowledged within {Hosting.DurationParser.Format(_options.AckTimeout)} and was returned to the queue; poll again.");
        }

        if (nonce != job.Nonce)
        {
            throw EngineErrors.InvalidNonce($"Nonce '{nonce}' does not match the latest dispatch of job {job.Id}; another job worker has already claimed the job.");
        }

        if (job.Status == JobStatus.Dispatched)
        {
            job.Status = JobStatus.InProgress;
            job.AcknowledgedAt = _time.GetUtcNow();
            _state.Touch(job);
            Log.JobAcknowledged(_logger, job.Id);
        }

        return job.Status;
    }

    private ActionExecutionEntity RequireWorkable(JobEntity job)
    {
        ApplyTimers();
        if (job.AbandonedReason is not null)
        {
            throw EngineErrors.InvalidJobState($"Job {job.Id} can no longer be worked on: {job.AbandonedReason}");
        }

        if (job.IsTerminal)
        {
            throw EngineErrors.InvalidJobState($"Job {job.Id} is already {job.Status}; a job takes exactly one result.");
        }

        if (job.Status is JobStatus.Queued or JobStatus.Created)
        {
            throw EngineErrors.InvalidJobState($"Job {job.Id} is {job.Status}: it is not handed out to any job worker (an unacknowledged dispatch times out after {Hosting.DurationParser.Format(_options.AckTimeout)}); poll for it again.");
        }

        return _state.ActionExecutions[job.ActionExecutionId];
    }

    private void Succeed(JobEntity job, CurrentRevision? revision, string? continuationToken, ExecutionDetails? details, IReadOnlyDictionary<string, string>? outputVariables)
    {
        var action = RequireWorkable(job);
        if (outputVariables is { Count: > 0 })
        {
            var bytes = outputVariables.Sum(v => Encoding.UTF8.GetByteCount(v.Key) + Encoding.UTF8.GetByteCount(v.Value));
            if (bytes > MaxOutputVariableBytes)
            {
                throw EngineErrors.OutputVariablesTooLarge(bytes);
            }
        }

        CompleteJob(job, JobStatus.Succeeded);
        ApplyExecutionDetails(action, details?.Summary, details?.ExternalExecutionId, details?.PercentComplete);
        if (revision is not null)
        {
            action.CurrentRevision = revision;
            foreach (var output in action.OutputArtifacts)
            {
                output.Revision = revision.Revision;
            }
        }

        if (continuationToken is not null)
        {
            var now = _time.GetUtcNow();
            CreateJob(action, continuationToken, now + _options.ContinuationDelay);
            return;
        }

        action.OutputVariables = outputVariables is null ? [] : new Dictionary<string, string>(outputVariables, StringComparer.Ordinal);
        FinishAction(action, ActionExecutionStatus.Succeeded, null, null);
    }

    private void Fail(JobEntity job, FailureDetails failure)
    {
        var action = RequireWorkable(job);
        CompleteJob(job, JobStatus.Failed);
        ApplyExecutionDetails(action, failure.Message, failure.ExternalExecutionId, null);
        FinishAction(action, ActionExecutionStatus.Failed, failure.Type, failure.Message);
    }

    private void CompleteJob(JobEntity job, string status)
    {
        job.Status = status;
        job.CompletedAt = _time.GetUtcNow();
        _artifacts.Revoke(job.AccessKeyId);
        _state.Touch(job);
        Record(job.PipelineName, job.PipelineExecutionId, "Job" + status, $"Job {job.Id} {status}.", job.StageName, job.ActionName);
        Log.JobCompleted(_logger, job.Id, status);
    }

    private void ApplyExecutionDetails(ActionExecutionEntity action, string? summary, string? externalExecutionId, int? percentComplete)
    {
        action.Summary = summary ?? action.Summary;
        action.ExternalExecutionId = externalExecutionId ?? action.ExternalExecutionId;
        action.PercentComplete = percentComplete ?? action.PercentComplete;
        action.ExternalExecutionUrl = UrlTemplates.ExecutionUrl(FindActionTypeIncludingDeleted(action.ActionTypeId), action.ResolvedConfiguration, action.ExternalExecutionId)
            ?? action.ExternalExecutionUrl;
        action.LastUpdateTime = _time.GetUtcNow();
        _state.Touch(action);
    }
}
