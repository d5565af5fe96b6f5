using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// The execution state machine.
//
//   Start ──► wait for stage 0 ──► enter stage ──► run the lowest unfinished runOrder group
//                 ▲                                   │ every action of the group finished
//                 │                                   ├─ any Failed/Abandoned ─► stage Failed ─► execution Failed
//                 │                                   ├─ stop requested       ─► stage Stopped ─► execution Stopped
//                 │                                   └─ all Succeeded ─► next group, or stage Succeeded
//                 └──────────── next stage ◄──────────────────────────────────────┘   (last stage ─► Succeeded)
//
// SUPERSEDED and QUEUED allow one execution per stage: an execution that reaches a busy stage
// waits at its inbound transition. SUPERSEDED keeps only the newest waiting execution (older
// ones become Superseded); QUEUED admits waiting executions in arrival order. PARALLEL never waits.
public sealed partial class PipelineEngine
{
    private ExecutionEntity StartExecution(PipelineEntity pipeline, Dictionary<string, string> variables, string? clientRequestToken, string triggerType, string? triggerDetail)
    {
        var now = _time.GetUtcNow();
        var declaration = pipeline.Current;
        var execution = new ExecutionEntity
        {
            Id = _random.NewId(),
            PipelineName = pipeline.Name,
            PipelineVersion = pipeline.Version,
            Status = PipelineExecutionStatus.InProgress,
            StartTime = now,
            LastUpdateTime = now,
            ExecutionMode = declaration.ExecutionMode ?? ExecutionMode.Superseded,
            TriggerType = triggerType,
            TriggerDetail = triggerDetail,
            ClientRequestToken = clientRequestToken,
            Variables = variables,
            Ordinal = _state.ExecutionIndex.MaxOrdinalOf(pipeline.Name) + 1,
        };
        _state.Upsert(execution);
        Record(pipeline.Name, execution.Id, "ExecutionStarted", $"Execution started ({triggerType}).");
        TryEnterStage(execution, 0);
        return execution;
    }

    private StageDeclaration StageDeclarationOf(ExecutionEntity execution, int index) =>
        _state.Pipelines[execution.PipelineName].Versions[execution.PipelineVersion].Stages[index];

    private int StageCount(ExecutionEntity execution) =>
        _state.Pipelines[execution.PipelineName].Versions[execution.PipelineVersion].Stages.Count;

    private void TryEnterStage(ExecutionEntity execution, int index)
    {
        if (execution.ExecutionMode == ExecutionMode.Parallel)
        {
            EnterStage(execution, index);
            return;
        }

        var waiting = WaitingFor(execution.PipelineName, index).ToList();
        if (!IsStageOccupied(execution.PipelineName, index) && waiting.Count == 0)
        {
            EnterStage(execution, index);
            return;
        }

        execution.WaitingForStage = index;
        execution.WaitingSince = _time.GetUtcNow();
        Touch(execution);
        Record(execution.PipelineName, execution.Id, "ExecutionWaiting", $"Waiting to enter stage '{StageDeclarationOf(execution, index).Name}'.");
        if (execution.ExecutionMode == ExecutionMode.Superseded)
        {
            foreach (var older in waiting.Where(w => w.Ordinal < execution.Ordinal))
            {
                Finish(older, PipelineExecutionStatus.Superseded, $"Superseded by execution {execution.Id}.");
            }
        }

        AdmitWaiting(execution.PipelineName, index);
    }

    private IEnumerable<ExecutionEntity> WaitingFor(string pipeline, int index) =>
        _state.ExecutionIndex.ActiveOf(pipeline)
            .Where(e => e.PipelineName == pipeline && e.IsActive && e.WaitingForStage == index && e.ExecutionMode != ExecutionMode.Parallel)
            .OrderBy(e => e.Ordinal);

    private bool IsStageOccupied(string pipeline, int index) =>
        _state.ExecutionIndex.ActiveOf(pipeline).Any(e =>
            e.PipelineName == pipeline && e.IsActive && e.WaitingForStage < 0 && e.ExecutionMode != ExecutionMode.Parallel
            && e.CurrentStage is { } stage && stage.Index == index
            && stage.Status is StageExecutionStatus.InProgress or StageExecutionStatus.Stopping);

    private void AdmitWaiting(string pipeline, int index)
    {
        if (IsStageOccupied(pipeline, index))
        {
            return;
        }

        var next = WaitingFor(pipeline, index).FirstOrDefault();
        if (next is not null)
        {
            EnterStage(next, index);
        }
    }

    private void EnterStage(ExecutionEntity execution, int index)
    {
        var declaration = StageDeclarationOf(execution, index);
        execution.WaitingForStage = -1;
        execution.WaitingSince = null;
        var run = new StageRun { Name = declaration.Name, Index = index, Status = StageExecutionStatus.InProgress, Entered = _time.GetUtcNow() };
        execution.Stages.RemoveAll(s => s.Index == index);
        execution.Stages.Add(run);
        Touch(execution);
        Record(execution.PipelineName, execution.Id, "StageStarted", $"Stage '{run.Name}' started.", run.Name);
        StartNextGroup(execution, run);
    }

    private void StartNextGroup(ExecutionEntity execution, StageRun stage)
    {
        var declaration = StageDeclarationOf(execution, stage.Index);
        foreach (var group in declaration.Actions.GroupBy(a => a.RunOrder ?? 1).OrderBy(g => g.Key))
        {
            var pending = group.Where(a => !HasSucceeded(execution, stage, a.Name)).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            foreach (var action in pending)
            {
                StartAction(execution, stage, action);
            }

            // Actions that failed at once (unresolvable variables) may have finished the group.
            if (!ActionsOf(execution, stage).Any(a => a.IsInProgress))
            {
                OnActionFinished(execution, stage);
            }

            return;
        }

        StageSucceeded(execution, stage);
    }

    private IEnumerable<ActionExecutionEntity> ActionsOf(ExecutionEntity execution, StageRun stage) =>
        _state.ExecutionIndex.ActionsOf(execution.Id).Where(a =>
            a.PipelineExecutionId == execution.Id && a.StageName == stage.Name && a.Attempt == stage.Attempt);

    private bool HasSucceeded(ExecutionEntity execution, StageRun stage, string actionName) =>
        _state.ExecutionIndex.ActionsOf(execution.Id).Any(a =>
            a.PipelineExecutionId == execution.Id && a.StageName == stage.Name && a.ActionName == actionName
            && a.Status == ActionExecutionStatus.Succeeded && a.Attempt >= stage.FirstCountedAttempt);

    private void OnActionFinished(ExecutionEntity execution, StageRun stage)
    {
        var actions = ActionsOf(execution, stage).ToList();
        if (actions.Any(a => a.IsInProgress) || !execution.IsActive)
        {
            return;
        }

        if (execution.StopMode is not null)
        {
            stage.Status = StageExecutionStatus.Stopped;
            Finish(execution, PipelineExecutionStatus.Stopped, execution.StopReason is null ? "Stopped." : $"Stopped: {execution.StopReason}");
            return;
        }

        var failed = actions.FirstOrDefault(a => a.Status is ActionExecutionStatus.Failed or ActionExecutionStatus.Abandoned);
        if (failed is not null)
        {
            stage.Status = StageExecutionStatus.Failed;
            Record(execution.PipelineName, execution.Id, "StageFailed", $"Stage '{stage.Name}' failed.", stage.Name);
            Finish(execution, PipelineExecutionStatus.Failed, $"Action '{failed.ActionName}' failed: {failed.ErrorMessage ?? failed.Summary ?? "no details"}");
            return;
        }

        StartNextGroup(execution, stage);
    }

    private void StageSucceeded(ExecutionEntity execution, StageRun stage)
    {
        stage.Status = StageExecutionStatus.Succeeded;
        Touch(execution);
        Record(execution.PipelineName, execution.Id, "StageSucceeded", $"Stage '{stage.Name}' succeeded.", stage.Name);
        if (stage.Index + 1 < StageCount(execution))
        {
            TryEnterStage(execution, stage.Index + 1);
            AdmitWaiting(execution.PipelineName, stage.Index);
        }
        else
        {
            Finish(execution, PipelineExecutionStatus.Succeeded, null);
        }
    }

    private void Finish(ExecutionEntity execution, string status, string? summary)
    {
        var releasedStage = execution.WaitingForStage < 0 ? execution.CurrentStage?.Index : null;
        execution.Status = status;
        execution.StatusSummary = summary;
        execution.WaitingForStage = -1;
        execution.WaitingSince = null;
        Touch(execution);
        Record(execution.PipelineName, execution.Id, "Execution" + status, summary ?? $"Execution {status}.");
        Log.ExecutionFinished(_logger, execution.PipelineName, execution.Id, status);
        if (releasedStage is { } index)
        {
            AdmitWaiting(execution.PipelineName, index);
        }
    }

    private void Touch(ExecutionEntity execution)
    {
        execution.LastUpdateTime = _time.GetUtcNow();
        _state.Touch(execution);
    }
}
