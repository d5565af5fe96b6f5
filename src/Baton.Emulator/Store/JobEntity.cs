using System.Text.Json.Serialization;

namespace Baton.Emulator.Store;

/// <summary>
/// One job of a custom or third-party action execution. A continuation creates a new job for
/// the same action execution. Artifact credentials are secrets: never logged.
/// </summary>
internal sealed class JobEntity : IStoredEntity
{
    public required string Id { get; set; }

    public required string ActionExecutionId { get; set; }

    public required string PipelineExecutionId { get; set; }

    public required string PipelineName { get; set; }

    public required string StageName { get; set; }

    public required string ActionName { get; set; }

    public required string ActionTypeKey { get; set; }

    /// <summary>Whether this is a third-party job (answered through the ThirdParty operations).</summary>
    public bool IsThirdParty { get; set; }

    /// <summary>Created, Queued, Dispatched, InProgress, TimedOut, Succeeded or Failed.</summary>
    public required string Status { get; set; }

    /// <summary>The nonce of the latest dispatch, or <see langword="null"/> before the first.</summary>
    public string? Nonce { get; set; }

    public int DispatchCount { get; set; }

    public DateTimeOffset Created { get; set; }

    /// <summary>When the job becomes visible to polls (after the continuation delay).</summary>
    public DateTimeOffset VisibleAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The job fails with TimedOut when it has no result by then.</summary>
    public DateTimeOffset Deadline { get; set; }

    public string? ContinuationToken { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The value of the action type's queryable property in this action, if any.</summary>
    public string? QueryValue { get; set; }

    public required string AccessKeyId { get; set; }

    public required string SecretAccessKey { get; set; }

    public required string SessionToken { get; set; }

    /// <summary>Why the job can no longer be worked on when the action was abandoned, or null.</summary>
    public string? AbandonedReason { get; set; }

    [JsonIgnore]
    public string StoreKind => EntityKinds.Job;

    [JsonIgnore]
    public string StoreId => Id;

    [JsonIgnore]
    public bool IsTerminal => Status is "Succeeded" or "Failed" or "TimedOut";
}
