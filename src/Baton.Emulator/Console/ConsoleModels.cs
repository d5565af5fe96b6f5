namespace Baton.Emulator.Console;

// The console's view models: one set of records feeds both the server-rendered pages and the
// JSON endpoints under /console/api that the page script polls, so the two never drift apart.

/// <summary>One row of the pipelines list.</summary>
/// <param name="Name">The pipeline.</param>
/// <param name="Version">Its current version.</param>
/// <param name="LatestExecutionId">The newest execution, if any.</param>
/// <param name="LatestStatus">That execution's status, if any.</param>
/// <param name="Updated">When the pipeline or its newest execution last changed.</param>
internal sealed record PipelineListItem(string Name, int Version, string? LatestExecutionId, string? LatestStatus, DateTimeOffset? Updated);

/// <summary>The pipeline page: stages, actions and recent executions.</summary>
/// <param name="Name">The pipeline.</param>
/// <param name="Version">Its current version.</param>
/// <param name="Stages">The stages, in order.</param>
/// <param name="Executions">The most recent executions, newest first.</param>
internal sealed record PipelineView(string Name, int Version, IReadOnlyList<StageView> Stages, IReadOnlyList<ExecutionSummaryView> Executions);

/// <summary>One stage and its latest run.</summary>
/// <param name="Name">The stage.</param>
/// <param name="Status">The latest stage execution's status, or null before the first.</param>
/// <param name="PipelineExecutionId">The execution of that latest run.</param>
/// <param name="Retryable">Whether RetryStageExecution may be offered (the run failed or stopped and its execution ended).</param>
/// <param name="Actions">The stage's actions, in declaration order.</param>
internal sealed record StageView(string Name, string? Status, string? PipelineExecutionId, bool Retryable, IReadOnlyList<ActionView> Actions);

/// <summary>One action and its latest execution.</summary>
/// <param name="Name">The action.</param>
/// <param name="TypeLabel">Category, owner and provider, for example <c>Test · Custom · BatonLoadTest v1</c>.</param>
/// <param name="Status">The latest action execution's status, or null before the first.</param>
/// <param name="Summary">The latest summary the job worker or approver gave.</param>
/// <param name="ExternalExecutionUrl">The Details link; null until the job worker reports an external execution id.</param>
/// <param name="EntityUrl">The link to the action's resource, if the type declares one.</param>
/// <param name="PercentComplete">The progress the job worker reported, 0 to 100.</param>
/// <param name="Error">The error code and message of a failed action.</param>
/// <param name="ApprovalToken">The token of a manual approval that waits, else null.</param>
/// <param name="Connectable">Whether this is a third-party action whose type has a configuration page.</param>
internal sealed record ActionView(
    string Name,
    string TypeLabel,
    string? Status,
    string? Summary,
    string? ExternalExecutionUrl,
    string? EntityUrl,
    int? PercentComplete,
    string? Error,
    string? ApprovalToken,
    bool Connectable);

/// <summary>One execution in a list.</summary>
/// <param name="Id">The pipeline execution id.</param>
/// <param name="Status">Its status.</param>
/// <param name="StatusSummary">Why it ended, if it did.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="LastUpdateTime">When it last changed.</param>
/// <param name="Stoppable">Whether StopPipelineExecution may be offered.</param>
internal sealed record ExecutionSummaryView(string Id, string? Status, string? StatusSummary, DateTimeOffset? StartTime, DateTimeOffset? LastUpdateTime, bool Stoppable);

/// <summary>The execution page: the execution, every action execution with its jobs, and the event log.</summary>
/// <param name="PipelineName">The pipeline.</param>
/// <param name="Execution">The execution.</param>
/// <param name="Actions">Every action execution, in the order they started.</param>
/// <param name="Events">The execution's events, oldest first.</param>
internal sealed record ExecutionTimelineView(string PipelineName, ExecutionSummaryView Execution, IReadOnlyList<ActionTimelineView> Actions, IReadOnlyList<TimelineEvent> Events);

/// <summary>One action execution of an execution and the jobs that carried it.</summary>
/// <param name="ActionExecutionId">The action execution id.</param>
/// <param name="StageName">The stage.</param>
/// <param name="ActionName">The action.</param>
/// <param name="Attempt">The stage attempt (0 for the first run, 1 after one retry, ...).</param>
/// <param name="Status">The action execution's status.</param>
/// <param name="Summary">Its latest summary.</param>
/// <param name="ExternalExecutionId">The id the job worker reported.</param>
/// <param name="PercentComplete">The progress it reported.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="LastUpdateTime">When it last changed.</param>
/// <param name="Jobs">Its jobs (one per continuation step), oldest first.</param>
internal sealed record ActionTimelineView(
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
    IReadOnlyList<JobStepView> Jobs);

/// <summary>One job: one step of an action execution.</summary>
/// <param name="JobId">The job id.</param>
/// <param name="Status">Created, Queued, Dispatched, InProgress, Succeeded, Failed or TimedOut.</param>
/// <param name="DispatchCount">How many times a poll handed it out (more than one means redelivery).</param>
/// <param name="Created">When it was created.</param>
/// <param name="DispatchedAt">When it was last handed out.</param>
/// <param name="AcknowledgedAt">When a job worker acknowledged it.</param>
/// <param name="CompletedAt">When it ended.</param>
/// <param name="Waited">Time from visible to first dispatch (continuation delay excluded), as text.</param>
/// <param name="Ran">Time from dispatch to result, as text; for an open job, so far.</param>
/// <param name="ContinuationTokenLength">The length of the incoming continuation token, or null for the first step.</param>
/// <param name="Note">Why the job ended without a result, if it did.</param>
internal sealed record JobStepView(
    string JobId,
    string Status,
    int DispatchCount,
    DateTimeOffset Created,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? CompletedAt,
    string Waited,
    string Ran,
    int? ContinuationTokenLength,
    string? Note);

/// <summary>One entry of the event log.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="StageName">The stage, if any.</param>
/// <param name="ActionName">The action, if any.</param>
/// <param name="Type">What happened, for example <c>JobSucceeded</c>.</param>
/// <param name="Message">The details.</param>
internal sealed record TimelineEvent(DateTimeOffset Time, string? StageName, string? ActionName, string Type, string Message);
