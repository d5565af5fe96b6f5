using Baton.CodePipeline.Model;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>
/// What a pipeline looked like at one poll: the watched execution (GetPipelineExecution), the
/// stages and actions (GetPipelineState) and the action executions of the watched execution
/// (ListActionExecutions). <see cref="PipelineWatchView"/> renders it.
/// </summary>
/// <param name="PipelineName">The pipeline.</param>
/// <param name="Execution">The watched execution, or null when the pipeline has none yet.</param>
/// <param name="State">The pipeline's state.</param>
/// <param name="ActionExecutions">The watched execution's action executions, oldest first.</param>
public sealed record PipelineSnapshot(
    string PipelineName,
    PipelineExecution? Execution,
    GetPipelineStateResponse State,
    IReadOnlyList<ActionExecutionDetail> ActionExecutions)
{
    /// <summary>The execution statuses after which nothing changes any more.</summary>
    public static IReadOnlySet<string> FinalStatuses { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "Succeeded", "Failed", "Stopped", "Superseded", "Cancelled" };

    /// <summary>The watched execution's status, or null.</summary>
    public string? Status => Execution?.Status;

    /// <summary>Whether the watched execution has ended.</summary>
    public bool IsFinal => Status is not null && FinalStatuses.Contains(Status);

    /// <summary>
    /// Whether a stage's state describes the watched execution (GetPipelineState shows each
    /// stage's latest execution, which may belong to an earlier run).
    /// </summary>
    /// <param name="stage">A stage of <see cref="State"/>.</param>
    public bool IsWatched(StageState stage) =>
        stage?.LatestExecution is { } latest && Execution?.PipelineExecutionId is { } id
        && string.Equals(latest.PipelineExecutionId, id, StringComparison.Ordinal);
}
