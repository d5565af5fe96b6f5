using Baton.Emulator.Console;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// The console's one query the CodePipeline API has no operation for: every job of every action
// execution of one execution, and the execution's event log. It reads the state under the
// engine's gate like every operation, and returns copies, never the stored entities.
public sealed partial class PipelineEngine
{
    /// <summary>The jobs and events of one pipeline execution, for the console's timeline page.</summary>
    /// <param name="pipelineName">The pipeline.</param>
    /// <param name="pipelineExecutionId">The execution.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>Action executions in the order they started, each with its jobs; events oldest first.</returns>
    /// <exception cref="Baton.CodePipeline.PipelineNotFoundException">The pipeline does not exist.</exception>
    /// <exception cref="Baton.CodePipeline.PipelineExecutionNotFoundException">The execution does not exist.</exception>
    internal Task<ExecutionJobsSnapshot> GetExecutionJobsAsync(string pipelineName, string pipelineExecutionId, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ApplyTimers();
        RequirePipeline(pipelineName);
        var execution = RequireExecution(pipelineName, pipelineExecutionId);
        var jobs = _state.Jobs.Values
            .Where(j => j.PipelineExecutionId == execution.Id)
            .ToLookup(j => j.ActionExecutionId, StringComparer.Ordinal);
        var actions = _state.ActionExecutions.Values
            .Where(a => a.PipelineExecutionId == execution.Id)
            .OrderBy(a => a.Ordinal)
            .Select(a => new ActionJobsSnapshot(
                a.Id,
                a.StageName,
                a.ActionName,
                a.Attempt,
                a.Status,
                a.Summary,
                a.ExternalExecutionId,
                a.PercentComplete,
                a.StartTime,
                a.LastUpdateTime,
                [.. jobs[a.Id].OrderBy(j => j.Created).ThenBy(j => j.VisibleAt).Select(ToSnapshot)]))
            .ToList();
        var events = _state.Events
            .Where(e => e.PipelineName == pipelineName && e.PipelineExecutionId == execution.Id)
            .Select(e => new TimelineEvent(e.Time, e.StageName, e.ActionName, e.Type, e.Message))
            .ToList();
        return new ExecutionJobsSnapshot(execution.Status, execution.StatusSummary, execution.StartTime, execution.LastUpdateTime, actions, events);
    }, cancellationToken);

    // The continuation token's length only: the token is the job worker's sealed state.
    private static JobSnapshot ToSnapshot(JobEntity job) => new(
        job.Id,
        job.Status,
        job.DispatchCount,
        job.Created,
        job.VisibleAt,
        job.DispatchedAt,
        job.AcknowledgedAt,
        job.CompletedAt,
        job.ContinuationToken?.Length,
        job.AbandonedReason);
}

/// <summary>The jobs and events of one execution, as <see cref="PipelineEngine.GetExecutionJobsAsync"/> found them.</summary>
/// <param name="Status">The execution's status.</param>
/// <param name="StatusSummary">Why it ended, if it did.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="LastUpdateTime">When it last changed.</param>
/// <param name="Actions">Action executions in the order they started.</param>
/// <param name="Events">The execution's events, oldest first.</param>
internal sealed record ExecutionJobsSnapshot(
    string Status,
    string? StatusSummary,
    DateTimeOffset StartTime,
    DateTimeOffset LastUpdateTime,
    IReadOnlyList<ActionJobsSnapshot> Actions,
    IReadOnlyList<TimelineEvent> Events);

/// <summary>One action execution and its jobs.</summary>
internal sealed record ActionJobsSnapshot(
    string ActionExecutionId,
    string StageName,
    string ActionName,
    int Attempt,
    string Status,
    string? Summary,
    string? ExternalExecutionId,
    int? PercentComplete,
    DateTimeOffset StartTime,
    DateTimeOffset LastUpdateTime,
    IReadOnlyList<JobSnapshot> Jobs);

/// <summary>One job's life-cycle times and counters.</summary>
internal sealed record JobSnapshot(
    string JobId,
    string Status,
    int DispatchCount,
    DateTimeOffset Created,
    DateTimeOffset VisibleAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? CompletedAt,
    int? ContinuationTokenLength,
    string? AbandonedReason);
