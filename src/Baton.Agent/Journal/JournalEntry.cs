namespace Baton.Agent.Journal;

/// <summary>
/// A job this agent acknowledged and has not yet reported. Holds what a restarted agent needs to
/// re-run the step; client tokens are not stored (they come from configuration by client id).
/// </summary>
public sealed record JournalEntry
{
    /// <summary>The job id.</summary>
    public required string JobId { get; init; }

    /// <summary>Whether it is a third-party job.</summary>
    public required bool IsThirdParty { get; init; }

    /// <summary>The client id of a third-party job.</summary>
    public string? ClientId { get; init; }

    /// <summary>The job's action type as <c>Category/Owner/Provider/Version</c>, so a restarted agent picks the right handler.</summary>
    public required string ActionType { get; init; }

    /// <summary>The continuation token the job arrived with, or null for a first step.</summary>
    public string? IncomingToken { get; init; }

    /// <summary>The step number, or 0 when the token could not be opened.</summary>
    public required int Step { get; init; }

    /// <summary>The agent replica that acknowledged the job.</summary>
    public required string AgentId { get; init; }

    /// <summary>When the job was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
