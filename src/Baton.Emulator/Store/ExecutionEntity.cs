using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.Emulator.Store;

/// <summary>One pipeline execution and the run of each of its stages.</summary>
internal sealed class ExecutionEntity : IStoredEntity
{
    public required string Id { get; set; }

    public required string PipelineName { get; set; }

    public int PipelineVersion { get; set; }

    /// <summary>Cancelled, InProgress, Stopped, Stopping, Succeeded, Superseded or Failed.</summary>
    public required string Status { get; set; }

    public string? StatusSummary { get; set; }

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset LastUpdateTime { get; set; }

    /// <summary>QUEUED, SUPERSEDED or PARALLEL, as declared when the execution started.</summary>
    public required string ExecutionMode { get; set; }

    public string TriggerType { get; set; } = "StartPipelineExecution";

    public string? TriggerDetail { get; set; }

    public string? ClientRequestToken { get; set; }

    /// <summary>Resolved pipeline-level variables, by name.</summary>
    public Dictionary<string, string> Variables { get; set; } = [];

    /// <summary>Output variables of finished actions, by namespace then name.</summary>
    public Dictionary<string, Dictionary<string, string>> Namespaces { get; set; } = [];

    /// <summary>Output artifacts produced so far, by artifact name.</summary>
    public Dictionary<string, ArtifactRecord> Artifacts { get; set; } = [];

    /// <summary>The stages this execution has reached, in pipeline order.</summary>
    public List<StageRun> Stages { get; set; } = [];

    /// <summary>The stage index this execution waits to enter, or -1 when it waits for none.</summary>
    public int WaitingForStage { get; set; } = -1;

    /// <summary>When it started to wait, to order queued executions.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>None, Wait or Abandon: how the execution was asked to stop.</summary>
    public string? StopMode { get; set; }

    public string? StopReason { get; set; }

    /// <summary>The execution's sequence number within its pipeline, for ordering.</summary>
    public long Ordinal { get; set; }

    [JsonIgnore]
    public string StoreKind => EntityKinds.Execution;

    [JsonIgnore]
    public string StoreId => Id;

    [JsonIgnore]
    public bool IsActive => Status is "InProgress" or "Stopping";

    public StageRun? Stage(string name) => Stages.FirstOrDefault(s => s.Name == name);

    [JsonIgnore]
    public StageRun? CurrentStage => Stages.LastOrDefault();
}

/// <summary>One stage of one execution.</summary>
internal sealed class StageRun
{
    public required string Name { get; set; }

    public int Index { get; set; }

    /// <summary>Cancelled, InProgress, Failed, Stopped, Stopping, Succeeded or Skipped.</summary>
    public required string Status { get; set; }

    public DateTimeOffset Entered { get; set; }

    /// <summary>How many times the stage was retried.</summary>
    public int Attempt { get; set; }

    /// <summary>The oldest attempt whose successful actions still count (ALL_ACTIONS retries reset it).</summary>
    public int FirstCountedAttempt { get; set; }
}

/// <summary>An artifact produced by an action: where it is and which revision it holds.</summary>
internal sealed class ArtifactRecord
{
    public required string Name { get; set; }

    public required string Bucket { get; set; }

    public required string Key { get; set; }

    public string? Revision { get; set; }

    public string? RevisionSummary { get; set; }

    public DateTimeOffset? Created { get; set; }

    public string? ProducedBy { get; set; }

    public Artifact ToWire() => new()
    {
        Name = Name,
        Revision = Revision,
        Location = new ArtifactLocation
        {
            Type = "S3",
            S3Location = new S3ArtifactLocation { BucketName = Bucket, ObjectKey = Key },
        },
    };
}
