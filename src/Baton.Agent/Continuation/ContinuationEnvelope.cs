namespace Baton.Agent.Continuation;

/// <summary>
/// What Baton puts inside the continuation token that CodePipeline carries from one job of an
/// action execution to the next: the handler's state plus the facts the framework needs to run the
/// next step on any agent replica.
/// </summary>
public sealed record ContinuationEnvelope
{
    /// <summary>
    /// The handler's state, or <see langword="null"/> when the first step was handed back before the
    /// handler produced any: the next job then calls <c>StartAsync</c> again.
    /// </summary>
    public string? State { get; init; }

    /// <summary>The external execution id reported so far, if any.</summary>
    public string? ExternalExecutionId { get; init; }

    /// <summary>The id of the first job of the action execution: the idempotency key of every step.</summary>
    public required string OriginJobId { get; init; }

    /// <summary>The step number of the job that opens this envelope (1 for the first job).</summary>
    public required int Step { get; init; }

    /// <summary>When the first step of the action execution started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The earliest time the next step may run (the handler's <c>checkAfter</c>), if any.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
