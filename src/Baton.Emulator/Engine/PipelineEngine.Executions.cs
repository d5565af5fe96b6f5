using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// Starting, stopping and retrying executions.
public sealed partial class PipelineEngine
{
    /// <summary>StartPipelineExecution: starts an execution; a repeated clientRequestToken returns the first one's id.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<StartPipelineExecutionResponse> StartPipelineExecutionAsync(StartPipelineExecutionRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = RequirePipeline(request.Name);
        if (request.ClientRequestToken is { } token
            && _state.ExecutionIndex.ByClientRequestToken(pipeline.Name, token) is { } earlier)
        {
            return new StartPipelineExecutionResponse { PipelineExecutionId = earlier.Id };
        }

        if (request.SourceRevisions is { Count: > 0 })
        {
            throw EngineErrors.Validation("sourceRevisions is not supported by the Baton emulator: the S3 source always reads the object's current content.");
        }

        var variables = ResolvePipelineVariables(pipeline.Current, request.Variables);
        var execution = StartExecution(pipeline, variables, request.ClientRequestToken, TriggerType.StartPipelineExecution, CallerArn);
        return new StartPipelineExecutionResponse { PipelineExecutionId = execution.Id };
    }, cancellationToken);

    /// <summary>StopPipelineExecution: stop and wait (running actions finish) or stop and abandon.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<StopPipelineExecutionResponse> StopPipelineExecutionAsync(StopPipelineExecutionRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        RequirePipeline(request.PipelineName);
        var execution = RequireExecution(request.PipelineName, request.PipelineExecutionId);
        var abandon = request.Abandon == true;
        var mode = abandon ? StopModes.Abandon : StopModes.Wait;
        if (!execution.IsActive)
        {
            if (execution.Status == PipelineExecutionStatus.Stopped && execution.StopMode == mode)
            {
                throw EngineErrors.DuplicatedStop($"Execution {execution.Id} was already stopped with {(abandon ? "abandon" : "stop and wait")}.");
            }

            throw EngineErrors.NotStoppable($"Execution {execution.Id} is {execution.Status}; only an InProgress execution can be stopped.");
        }

        if (execution.StopMode == StopModes.Abandon || (execution.StopMode == StopModes.Wait && !abandon))
        {
            throw EngineErrors.DuplicatedStop($"Execution {execution.Id} is already stopping ({execution.StopMode}); send abandon=true to abandon the running actions.");
        }

        execution.StopMode = mode;
        execution.StopReason = request.Reason;
        execution.Status = PipelineExecutionStatus.Stopping;
        Touch(execution);
        Record(execution.PipelineName, execution.Id, "ExecutionStopping", $"Stop requested ({mode}){(request.Reason is null ? "" : ": " + request.Reason)}.");
        if (execution.WaitingForStage >= 0 || execution.CurrentStage is not { Status: StageExecutionStatus.InProgress or StageExecutionStatus.Stopping } stage)
        {
            Finish(execution, PipelineExecutionStatus.Stopped, execution.StopReason is null ? "Stopped." : $"Stopped: {execution.StopReason}");
            return new StopPipelineExecutionResponse { PipelineExecutionId = execution.Id };
        }

        stage.Status = StageExecutionStatus.Stopping;
        if (abandon)
        {
            foreach (var action in ActionsOf(execution, stage).Where(a => a.IsInProgress).ToList())
            {
                FinishAction(action, ActionExecutionStatus.Abandoned, null, "Abandoned by StopPipelineExecution.", advance: false);
            }
        }

        OnActionFinished(execution, stage);
        return new StopPipelineExecutionResponse { PipelineExecutionId = execution.Id };
    }, cancellationToken);

    /// <summary>RetryStageExecution: re-runs the failed (or all) actions of a failed or stopped stage.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<RetryStageExecutionResponse> RetryStageExecutionAsync(RetryStageExecutionRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = RequirePipeline(request.PipelineName);
        var execution = RequireExecution(request.PipelineName, request.PipelineExecutionId);
        if (pipeline.Versions[execution.PipelineVersion].Stages.All(s => s.Name != request.StageName))
        {
            throw EngineErrors.StageNotFound(pipeline.Name, request.StageName);
        }

        var stage = execution.Stage(request.StageName);
        if (stage is null || execution.IsActive || stage.Status is not (StageExecutionStatus.Failed or StageExecutionStatus.Stopped))
        {
            throw EngineErrors.StageNotRetryable(
                $"Stage '{request.StageName}' of execution {execution.Id} is {stage?.Status ?? "not reached"} and the execution is {execution.Status}; only a Failed or Stopped stage of a finished execution can be retried.");
        }

        var newer = _state.Executions.Values.FirstOrDefault(e =>
            e.PipelineName == pipeline.Name && e.Ordinal > execution.Ordinal && e.Stage(request.StageName) is not null);
        if (newer is not null)
        {
            throw EngineErrors.NotLatest($"Execution {newer.Id} ran stage '{request.StageName}' after execution {execution.Id}; only the latest execution in a stage can be retried.");
        }

        if (execution.ExecutionMode != ExecutionMode.Parallel && IsStageOccupied(pipeline.Name, stage.Index))
        {
            throw EngineErrors.Conflict($"Another execution is running in stage '{stage.Name}'; retry when it has left the stage.");
        }

        stage.Attempt++;
        if (request.RetryMode == StageRetryMode.AllActions)
        {
            stage.FirstCountedAttempt = stage.Attempt;
        }

        stage.Status = StageExecutionStatus.InProgress;
        execution.Status = PipelineExecutionStatus.InProgress;
        execution.StatusSummary = null;
        execution.StopMode = null;
        execution.StopReason = null;
        execution.Stages.Remove(stage);
        execution.Stages.Add(stage);
        Touch(execution);
        Record(execution.PipelineName, execution.Id, "StageRetried", $"Stage '{stage.Name}' retried ({request.RetryMode}).", stage.Name);
        StartNextGroup(execution, stage);
        return new RetryStageExecutionResponse { PipelineExecutionId = execution.Id };
    }, cancellationToken);

    private ExecutionEntity RequireExecution(string pipeline, string executionId) =>
        _state.Executions.TryGetValue(executionId ?? string.Empty, out var execution) && execution.PipelineName == pipeline
            ? execution
            : throw EngineErrors.ExecutionNotFound(pipeline, executionId ?? string.Empty);

    private static Dictionary<string, string> ResolvePipelineVariables(PipelineDeclaration declaration, IReadOnlyList<PipelineVariable>? given)
    {
        var declared = (declaration.Variables ?? []).ToDictionary(v => v.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in given ?? [])
        {
            if (!declared.ContainsKey(variable.Name))
            {
                throw EngineErrors.Validation($"Pipeline variable '{variable.Name}' is not declared in the pipeline; declare it under pipeline.variables or leave it out.");
            }

            if (!values.TryAdd(variable.Name, variable.Value))
            {
                throw EngineErrors.Validation($"Pipeline variable '{variable.Name}' is given more than once.");
            }
        }

        foreach (var variable in declared.Values.Where(v => !values.ContainsKey(v.Name)))
        {
            values[variable.Name] = variable.DefaultValue
                ?? throw EngineErrors.Validation($"Pipeline variable '{variable.Name}' has no default value; give it a value in StartPipelineExecution.");
        }

        return values;
    }
}

/// <summary>How an execution was asked to stop.</summary>
internal static class StopModes
{
    public const string Wait = "StopAndWait";
    public const string Abandon = "Abandon";
}
