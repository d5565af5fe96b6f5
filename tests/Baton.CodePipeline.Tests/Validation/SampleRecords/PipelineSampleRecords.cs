using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Validation.SampleRecords;

// A cut-down pipeline declaration (only the members the path tests need), with the model's
// constraints: lists of structures, a list of strings, maps of strings and a map of structures.

public sealed record SamplePipelineRequest
{
    [JsonPropertyName("pipeline")]
    public required SamplePipeline Pipeline { get; init; }
}

public sealed record SamplePipeline
{
    [JsonPropertyName("name")]
    [Constraint(Min = 1, Max = 100, Pattern = "[A-Za-z0-9.@\\-_]+")]
    public required string Name { get; init; }

    [JsonPropertyName("roleArn")]
    [Constraint(Max = 1024, Pattern = "arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*")]
    public required string RoleArn { get; init; }

    [JsonPropertyName("artifactStores")]
    [Constraint(Target = ConstraintTarget.MapKey, Min = 4, Max = 30)]
    public IReadOnlyDictionary<string, SampleArtifactStore>? ArtifactStores { get; init; }

    [JsonPropertyName("stages")]
    public required IReadOnlyList<SampleStage> Stages { get; init; }
}

public sealed record SampleStage
{
    [JsonPropertyName("name")]
    [Constraint(Min = 1, Max = 100, Pattern = "[A-Za-z0-9.@\\-_]+")]
    public required string Name { get; init; }

    [JsonPropertyName("actions")]
    public required IReadOnlyList<SampleAction> Actions { get; init; }
}

public sealed record SampleAction
{
    [JsonPropertyName("name")]
    [Constraint(Min = 1, Max = 100, Pattern = "[A-Za-z0-9.@\\-_]+")]
    public required string Name { get; init; }

    [JsonPropertyName("runOrder")]
    [Constraint(Min = 1, Max = 999)]
    public int? RunOrder { get; init; }

    [JsonPropertyName("configuration")]
    [Constraint(Target = ConstraintTarget.MapKey, Min = 1, Max = 50)]
    [Constraint(Target = ConstraintTarget.MapValue, Min = 1, Max = 1000)]
    public IReadOnlyDictionary<string, string>? Configuration { get; init; }

    [JsonPropertyName("commands")]
    [Constraint(Min = 1, Max = 50)]
    [Constraint(Target = ConstraintTarget.ListMember, Min = 1, Max = 1000)]
    public IReadOnlyList<string>? Commands { get; init; }
}

public sealed record SampleArtifactStore
{
    [JsonPropertyName("type")]
    [Constraint(Enum = ["S3"])]
    public required string Type { get; init; }

    [JsonPropertyName("location")]
    [Constraint(Min = 3, Max = 63, Pattern = "[a-zA-Z0-9\\-\\.]+")]
    public required string Location { get; init; }
}
