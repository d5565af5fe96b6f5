using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Validation.SampleRecords;

// Sensitive members: a sensitive structure (the model's AWSSessionCredentials) and a sensitive
// string member with a length constraint, so a violation has something it must not echo.

public sealed record SampleJobData
{
    [JsonPropertyName("clientToken")]
    [Sensitive]
    [Constraint(Min = 1, Max = 256)]
    public string? ClientToken { get; init; }

    [JsonPropertyName("artifactCredentials")]
    [Sensitive]
    public SampleCredentials? ArtifactCredentials { get; init; }
}

[Sensitive]
public sealed record SampleCredentials
{
    [JsonPropertyName("accessKeyId")]
    [Sensitive]
    public required string AccessKeyId { get; init; }

    [JsonPropertyName("secretAccessKey")]
    [Sensitive]
    [Constraint(Max = 40)]
    public required string SecretAccessKey { get; init; }

    [JsonPropertyName("sessionToken")]
    [Sensitive]
    public required string SessionToken { get; init; }
}
