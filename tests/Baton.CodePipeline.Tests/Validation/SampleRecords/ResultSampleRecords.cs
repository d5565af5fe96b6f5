using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Validation.SampleRecords;

[ModelShape("PutJobSuccessResultInput")]
public sealed record PutJobSuccessResultRequest
{
    [JsonPropertyName("jobId")]
    [Constraint(Pattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    public required string JobId { get; init; }

    [JsonPropertyName("currentRevision")]
    public CurrentRevision? CurrentRevision { get; init; }

    [JsonPropertyName("continuationToken")]
    [Constraint(Min = 1, Max = 2048)]
    public string? ContinuationToken { get; init; }

    [JsonPropertyName("executionDetails")]
    public ExecutionDetails? ExecutionDetails { get; init; }

    [JsonPropertyName("outputVariables")]
    [Constraint(Target = ConstraintTarget.MapKey, Pattern = "[A-Za-z0-9@\\-_]+")]
    public IReadOnlyDictionary<string, string>? OutputVariables { get; init; }
}

[ModelShape("CurrentRevision")]
public sealed record CurrentRevision
{
    [JsonPropertyName("revision")]
    [Constraint(Min = 1, Max = 1500)]
    public required string Revision { get; init; }

    [JsonPropertyName("changeIdentifier")]
    [Constraint(Min = 1, Max = 100)]
    public required string ChangeIdentifier { get; init; }

    [JsonPropertyName("created")]
    public DateTimeOffset? Created { get; init; }

    [JsonPropertyName("revisionSummary")]
    [Constraint(Min = 1, Max = 2048)]
    public string? RevisionSummary { get; init; }
}

[ModelShape("ExecutionDetails")]
public sealed record ExecutionDetails
{
    [JsonPropertyName("summary")]
    [Constraint(Min = 1, Max = 2048)]
    public string? Summary { get; init; }

    [JsonPropertyName("externalExecutionId")]
    [Constraint(Min = 1, Max = 1500)]
    public string? ExternalExecutionId { get; init; }

    [JsonPropertyName("percentComplete")]
    [Constraint(Min = 0, Max = 100)]
    public int? PercentComplete { get; init; }
}
