using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.Emulator.Store;

/// <summary>One execution of one action: its status, results and, for approvals, its token.</summary>
internal sealed class ActionExecutionEntity : IStoredEntity
{
    public required string Id { get; set; }

    public required string PipelineExecutionId { get; set; }

    public required string PipelineName { get; set; }

    public int PipelineVersion { get; set; }

    public required string StageName { get; set; }

    public required string ActionName { get; set; }

    public int RunOrder { get; set; } = 1;

    /// <summary>The stage attempt this action execution belongs to (a retry starts a new attempt).</summary>
    public int Attempt { get; set; }

    /// <summary>The order in which action executions were created, for "latest" lookups.</summary>
    public long Ordinal { get; set; }

    /// <summary>Custom, ThirdParty, S3Source or Approval: how the engine runs the action.</summary>
    public required string Runner { get; set; }

    public required ActionTypeId ActionTypeId { get; set; }

    /// <summary>InProgress, Abandoned, Succeeded or Failed.</summary>
    public required string Status { get; set; }

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset LastUpdateTime { get; set; }

    /// <summary>When the action fails for taking too long.</summary>
    public DateTimeOffset Deadline { get; set; }

    public Dictionary<string, string> Configuration { get; set; } = [];

    public Dictionary<string, string> ResolvedConfiguration { get; set; } = [];

    public string? Namespace { get; set; }

    public string? RoleArn { get; set; }

    public string? Region { get; set; }

    public List<ArtifactRecord> InputArtifacts { get; set; } = [];

    public List<ArtifactRecord> OutputArtifacts { get; set; } = [];

    public string? Summary { get; set; }

    public string? ExternalExecutionId { get; set; }

    public string? ExternalExecutionUrl { get; set; }

    public int? PercentComplete { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public Dictionary<string, string> OutputVariables { get; set; } = [];

    public CurrentRevision? CurrentRevision { get; set; }

    /// <summary>The approval token while a manual approval waits.</summary>
    public string? Token { get; set; }

    public string? LastUpdatedBy { get; set; }

    public string? CurrentJobId { get; set; }

    [JsonIgnore]
    public string StoreKind => EntityKinds.ActionExecution;

    [JsonIgnore]
    public string StoreId => Id;

    [JsonIgnore]
    public bool IsInProgress => Status == "InProgress";
}
