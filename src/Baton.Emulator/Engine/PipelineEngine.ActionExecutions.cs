using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// ListActionExecutions and PutApprovalResult.
public sealed partial class PipelineEngine
{
    /// <summary>ListActionExecutions: action executions of a pipeline, newest first, secrets masked.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<ListActionExecutionsResponse> ListActionExecutionsAsync(ListActionExecutionsRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        ApplyTimers();
        RequirePipeline(request.PipelineName);
        var executionId = request.Filter?.PipelineExecutionId ?? request.Filter?.LatestInPipelineExecution?.PipelineExecutionId;
        if (executionId is not null)
        {
            RequireExecution(request.PipelineName, executionId);
        }

        var all = _state.ActionExecutions.Values
            .Where(a => a.PipelineName == request.PipelineName && (executionId is null || a.PipelineExecutionId == executionId))
            .OrderByDescending(a => a.Ordinal)
            .ToList();
        var (page, next) = Pagination.Page(all, "action-executions/" + request.PipelineName + "/" + executionId, request.NextToken, request.MaxResults ?? 100);
        return new ListActionExecutionsResponse { ActionExecutionDetails = [.. page.Select(ToDetail)], NextToken = next };
    }, cancellationToken);

    /// <summary>PutApprovalResult: approves or rejects a waiting manual approval with its token.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<PutApprovalResultResponse> PutApprovalResultAsync(PutApprovalResultRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        ApplyTimers();
        var pipeline = RequirePipeline(request.PipelineName);
        var stage = pipeline.Current.Stages.FirstOrDefault(s => s.Name == request.StageName)
            ?? throw EngineErrors.StageNotFound(pipeline.Name, request.StageName);
        if (stage.Actions.All(a => a.Name != request.ActionName))
        {
            throw EngineErrors.ActionNotFound(stage.Name, request.ActionName);
        }

        var candidates = _state.ActionExecutions.Values
            .Where(a => a.PipelineName == pipeline.Name && a.StageName == stage.Name && a.ActionName == request.ActionName && a.Runner == ActionRunners.Approval)
            .ToList();
        var waiting = candidates.FirstOrDefault(a => a.IsInProgress && a.Token == request.Token);
        if (waiting is null)
        {
            throw !candidates.Any(a => a.IsInProgress)
                ? EngineErrors.ApprovalAlreadyCompleted($"Action '{request.ActionName}' in stage '{stage.Name}' has no approval waiting; it was already approved, rejected or timed out.")
                : EngineErrors.InvalidApprovalToken($"The approval token does not match the waiting approval of action '{request.ActionName}'; use the token from GetPipelineState (actionStates[].latestExecution.token).");
        }

        var now = _time.GetUtcNow();
        waiting.LastUpdatedBy = CallerArn;
        waiting.Summary = request.Result.Summary;
        if (request.Result.Status == ApprovalStatus.Approved)
        {
            FinishAction(waiting, ActionExecutionStatus.Succeeded, null, null);
        }
        else
        {
            FinishAction(waiting, ActionExecutionStatus.Failed, FailureType.JobFailed, $"Rejected: {request.Result.Summary}");
        }

        return new PutApprovalResultResponse { ApprovedAt = now };
    }, cancellationToken);

    private ActionExecutionDetail ToDetail(ActionExecutionEntity action)
    {
        var type = FindActionTypeIncludingDeleted(action.ActionTypeId);
        Dictionary<string, string> Masked(Dictionary<string, string> configuration) =>
            configuration.ToDictionary(c => c.Key, c => type?.IsSecret(c.Key) == true ? SecretMask : c.Value, StringComparer.Ordinal);
        var finished = !action.IsInProgress;
        return new ActionExecutionDetail
        {
            PipelineExecutionId = action.PipelineExecutionId,
            ActionExecutionId = action.Id,
            PipelineVersion = action.PipelineVersion,
            StageName = action.StageName,
            ActionName = action.ActionName,
            StartTime = action.StartTime,
            LastUpdateTime = action.LastUpdateTime,
            UpdatedBy = action.LastUpdatedBy,
            Status = action.Status,
            Input = new ActionExecutionInput
            {
                ActionTypeId = action.ActionTypeId,
                Configuration = Masked(action.Configuration),
                ResolvedConfiguration = Masked(action.ResolvedConfiguration),
                RoleArn = action.RoleArn,
                Region = action.Region ?? _options.Region,
                InputArtifacts = [.. action.InputArtifacts.Select(ToDetail)],
                Namespace = action.Namespace,
            },
            Output = new ActionExecutionOutput
            {
                OutputArtifacts = finished ? [.. action.OutputArtifacts.Select(ToDetail)] : [],
                ExecutionResult = new ActionExecutionResult
                {
                    ExternalExecutionId = action.ExternalExecutionId,
                    ExternalExecutionSummary = action.Summary,
                    ExternalExecutionUrl = action.ExternalExecutionUrl,
                    ErrorDetails = action.ErrorMessage is null ? null : new ErrorDetails { Code = action.ErrorCode, Message = action.ErrorMessage },
                },
                OutputVariables = action.OutputVariables.Count == 0 ? null : action.OutputVariables,
            },
        };
    }

    private static ArtifactDetail ToDetail(ArtifactRecord artifact) =>
        new() { Name = artifact.Name, S3location = new S3Location { Bucket = artifact.Bucket, Key = artifact.Key } };
}
