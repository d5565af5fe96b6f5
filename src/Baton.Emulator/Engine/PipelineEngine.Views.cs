using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// Read-only views: GetPipelineState, GetPipelineExecution, ListPipelineExecutions.
public sealed partial class PipelineEngine
{
    /// <summary>GetPipelineState: each stage's latest execution and each action's latest execution.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<GetPipelineStateResponse> GetPipelineStateAsync(GetPipelineStateRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        ApplyTimers();
        var pipeline = RequirePipeline(request.Name);
        var executions = _state.Executions.Values.Where(e => e.PipelineName == pipeline.Name).OrderByDescending(e => e.Ordinal).ToList();
        var stages = pipeline.Current.Stages.Select((stage, index) =>
        {
            var latest = executions.Select(e => (Execution: e, Run: e.Stage(stage.Name))).FirstOrDefault(x => x.Run is not null);
            var inbound = executions.Where(e => e.IsActive && e.WaitingForStage == index)
                .OrderBy(e => e.Ordinal)
                .Select(e => new StageExecution { PipelineExecutionId = e.Id, Status = StageExecutionStatus.InProgress, Type = ExecutionType.Standard })
                .ToList();
            return new StageState
            {
                StageName = stage.Name,
                InboundExecution = inbound.FirstOrDefault(),
                InboundExecutions = inbound.Count == 0 ? null : inbound,
                InboundTransitionState = index == 0 ? null : new TransitionState { Enabled = true },
                LatestExecution = latest.Run is null ? null : new StageExecution
                {
                    PipelineExecutionId = latest.Execution.Id,
                    Status = latest.Run.Status,
                    Type = ExecutionType.Standard,
                },
                ActionStates = [.. stage.Actions.Select(action => ActionStateOf(pipeline, stage, action))],
            };
        }).ToList();
        return new GetPipelineStateResponse
        {
            PipelineName = pipeline.Name,
            PipelineVersion = pipeline.Version,
            StageStates = stages,
            Created = pipeline.Created,
            Updated = pipeline.Updated,
        };
    }, cancellationToken);

    /// <summary>GetPipelineExecution: one execution's status, revisions, variables and trigger.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<GetPipelineExecutionResponse> GetPipelineExecutionAsync(GetPipelineExecutionRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        ApplyTimers();
        RequirePipeline(request.PipelineName);
        var execution = RequireExecution(request.PipelineName, request.PipelineExecutionId);
        return new GetPipelineExecutionResponse
        {
            PipelineExecution = new PipelineExecution
            {
                PipelineName = execution.PipelineName,
                PipelineVersion = execution.PipelineVersion,
                PipelineExecutionId = execution.Id,
                Status = execution.Status,
                StatusSummary = execution.StatusSummary,
                ArtifactRevisions = [.. SourceArtifacts(execution).Select(a => new ArtifactRevision
                {
                    Name = a.Name,
                    RevisionId = a.Revision,
                    RevisionChangeIdentifier = a.Revision,
                    RevisionSummary = a.RevisionSummary,
                    Created = a.Created,
                })],
                Variables = [.. execution.Variables.Select(v => new ResolvedPipelineVariable { Name = v.Key, ResolvedValue = v.Value })],
                Trigger = new ExecutionTrigger { TriggerType = execution.TriggerType, TriggerDetail = execution.TriggerDetail },
                ExecutionMode = execution.ExecutionMode,
                ExecutionType = ExecutionType.Standard,
            },
        };
    }, cancellationToken);

    /// <summary>ListPipelineExecutions: a pipeline's executions, newest first.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<ListPipelineExecutionsResponse> ListPipelineExecutionsAsync(ListPipelineExecutionsRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        ApplyTimers();
        RequirePipeline(request.PipelineName);
        var succeededIn = request.Filter?.SucceededInStage?.StageName;
        var all = _state.Executions.Values
            .Where(e => e.PipelineName == request.PipelineName)
            .Where(e => succeededIn is null || e.Stage(succeededIn)?.Status == StageExecutionStatus.Succeeded)
            .OrderByDescending(e => e.Ordinal)
            .ToList();
        var (page, next) = Pagination.Page(all, "executions/" + request.PipelineName + "/" + succeededIn, request.NextToken, request.MaxResults ?? 100);
        return new ListPipelineExecutionsResponse
        {
            PipelineExecutionSummaries = [.. page.Select(e => new PipelineExecutionSummary
            {
                PipelineExecutionId = e.Id,
                Status = e.Status,
                StatusSummary = e.StatusSummary,
                StartTime = e.StartTime,
                LastUpdateTime = e.LastUpdateTime,
                SourceRevisions = [.. SourceActions(e).Select(a => new SourceRevision
                {
                    ActionName = a.ActionName,
                    RevisionId = a.CurrentRevision?.Revision,
                    RevisionSummary = a.CurrentRevision?.RevisionSummary,
                })],
                Trigger = new ExecutionTrigger { TriggerType = e.TriggerType, TriggerDetail = e.TriggerDetail },
                StopTrigger = e.StopMode is null ? null : new StopExecutionTrigger { Reason = e.StopReason },
                ExecutionMode = e.ExecutionMode,
                ExecutionType = ExecutionType.Standard,
            })],
            NextToken = next,
        };
    }, cancellationToken);

    private ActionState ActionStateOf(PipelineEntity pipeline, StageDeclaration stage, ActionDeclaration action)
    {
        var type = FindActionTypeIncludingDeleted(action.ActionTypeId);
        var latest = _state.ActionExecutions.Values
            .Where(a => a.PipelineName == pipeline.Name && a.StageName == stage.Name && a.ActionName == action.Name)
            .MaxBy(a => a.Ordinal);
        var revision = _state.ActionExecutions.Values
            .Where(a => a.PipelineName == pipeline.Name && a.StageName == stage.Name && a.ActionName == action.Name && a.CurrentRevision is not null)
            .MaxBy(a => a.Ordinal)?.CurrentRevision;
        return new ActionState
        {
            ActionName = action.Name,
            CurrentRevision = revision is null ? null : new ActionRevision
            {
                RevisionId = revision.Revision,
                RevisionChangeId = revision.ChangeIdentifier,
                Created = revision.Created ?? pipeline.Updated,
            },
            LatestExecution = latest is null ? null : new ActionExecution
            {
                ActionExecutionId = latest.Id,
                Status = latest.Status,
                Summary = latest.Summary,
                LastStatusChange = latest.LastUpdateTime,
                Token = latest.IsInProgress ? latest.Token : null,
                LastUpdatedBy = latest.LastUpdatedBy,
                ExternalExecutionId = latest.ExternalExecutionId,
                ExternalExecutionUrl = latest.ExternalExecutionUrl,
                PercentComplete = latest.PercentComplete,
                ErrorDetails = latest.ErrorMessage is null ? null : new ErrorDetails { Code = latest.ErrorCode, Message = latest.ErrorMessage },
            },
            EntityUrl = UrlTemplates.EntityUrl(type, action.Configuration),
            RevisionUrl = UrlTemplates.RevisionUrl(type, action.Configuration),
        };
    }

    private IEnumerable<ActionExecutionEntity> SourceActions(ExecutionEntity execution) =>
        _state.ActionExecutions.Values
            .Where(a => a.PipelineExecutionId == execution.Id && a.Runner == ActionRunners.S3Source && a.Status == ActionExecutionStatus.Succeeded)
            .OrderBy(a => a.Ordinal);

    private IEnumerable<ArtifactRecord> SourceArtifacts(ExecutionEntity execution) =>
        SourceActions(execution).SelectMany(a => a.OutputArtifacts);
}
