using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Validation.SampleRecords;

// Hand-written records that follow the generator's contract for a few job shapes exactly as the
// model states them. The validator tests run against them, and the checker self-test proves they
// conform (so a broken copy of one of them is a precise, single deviation).

[ModelShape("PollForJobsInput")]
public sealed record PollForJobsRequest
{
    [JsonPropertyName("actionTypeId")]
    public required ActionTypeId ActionTypeId { get; init; }

    [JsonPropertyName("maxBatchSize")]
    [Constraint(Min = 1)]
    public int? MaxBatchSize { get; init; }

    [JsonPropertyName("queryParam")]
    [Constraint(Min = 0, Max = 1)]
    [Constraint(Target = ConstraintTarget.MapKey, Min = 1, Max = 50)]
    [Constraint(Target = ConstraintTarget.MapValue, Min = 1, Max = 50, Pattern = "[a-zA-Z0-9_-]+")]
    public IReadOnlyDictionary<string, string>? QueryParam { get; init; }
}

[ModelShape("ActionTypeId")]
public sealed record ActionTypeId
{
    [JsonPropertyName("category")]
    [Constraint(Enum = ["Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute"])]
    public required string Category { get; init; }

    [JsonPropertyName("owner")]
    [Constraint(Enum = ["AWS", "ThirdParty", "Custom"])]
    public required string Owner { get; init; }

    [JsonPropertyName("provider")]
    [Constraint(Min = 1, Max = 35, Pattern = "[0-9A-Za-z_-]+")]
    public required string Provider { get; init; }

    [JsonPropertyName("version")]
    [Constraint(Min = 1, Max = 9, Pattern = "[0-9A-Za-z_-]+")]
    public required string Version { get; init; }
}

[ModelShape("AcknowledgeJobInput")]
public sealed record AcknowledgeJobRequest
{
    [JsonPropertyName("jobId")]
    [Constraint(Pattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    public required string JobId { get; init; }

    [JsonPropertyName("nonce")]
    [Constraint(Min = 1, Max = 50)]
    public required string Nonce { get; init; }
}

[ModelShape("AcknowledgeJobOutput")]
public sealed record AcknowledgeJobResponse
{
    [JsonPropertyName("status")]
    [Constraint(Enum = ["Created", "Queued", "Dispatched", "InProgress", "TimedOut", "Succeeded", "Failed"])]
    public string? Status { get; init; }
}
