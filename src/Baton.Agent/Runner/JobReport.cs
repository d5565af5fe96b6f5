using Baton.CodePipeline.Model;

namespace Baton.Agent.Runner;

/// <summary>The one report a job gets: a Put*SuccessResult or a Put*FailureResult.</summary>
internal abstract record JobReport(JobOutcome Outcome)
{
    /// <summary>A success report; with a continuation token CodePipeline creates the next job.</summary>
    public sealed record Success(
        JobOutcome Outcome,
        string? ContinuationToken,
        ExecutionDetails? ExecutionDetails,
        CurrentRevision? CurrentRevision = null,
        IReadOnlyDictionary<string, string>? OutputVariables = null)
        : JobReport(Outcome);

    /// <summary>A failure report, which ends the action execution.</summary>
    public sealed record Failure(FailureDetails FailureDetails) : JobReport(JobOutcome.Failed);
}

/// <summary>What a report means for the action execution (for logs and metrics).</summary>
internal enum JobOutcome
{
    /// <summary>Success with a continuation token from the handler's <c>Continue</c>.</summary>
    Continued,

    /// <summary>The final success.</summary>
    Succeeded,

    /// <summary>A failure.</summary>
    Failed,

    /// <summary>Success with the incoming (or a fresh step-1) token because the agent stopped.</summary>
    HandedBack,
}
