using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Conformance;

// Copies of conforming sample records, each with exactly one deliberate deviation from the model.
public static class BrokenRecords
{
    private const string JobIdPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [ModelShape("AcknowledgeJobInput")]
    public sealed record WrongName
    {
        [JsonPropertyName("jobId")]
        [Constraint(Pattern = JobIdPattern)]
        public required string JobId { get; init; }

        [JsonPropertyName("nounce")]
        [Constraint(Min = 1, Max = 50)]
        public required string Nonce { get; init; }
    }

    [ModelShape("AcknowledgeJobInput")]
    public sealed record WrongMax
    {
        [JsonPropertyName("jobId")]
        [Constraint(Pattern = JobIdPattern)]
        public required string JobId { get; init; }

        [JsonPropertyName("nonce")]
        [Constraint(Min = 1, Max = 51)]
        public required string Nonce { get; init; }
    }

    [ModelShape("AcknowledgeJobInput")]
    public sealed record MissingRequired
    {
        [JsonPropertyName("jobId")]
        [Constraint(Pattern = JobIdPattern)]
        public required string JobId { get; init; }

        [JsonPropertyName("nonce")]
        [Constraint(Min = 1, Max = 50)]
        public string? Nonce { get; init; }
    }

    [ModelShape("AcknowledgeJobInput")]
    public sealed record WrongPattern
    {
        [JsonPropertyName("jobId")]
        [Constraint(Pattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{11}")]
        public required string JobId { get; init; }

        [JsonPropertyName("nonce")]
        [Constraint(Min = 1, Max = 50)]
        public required string Nonce { get; init; }
    }

    [ModelShape("AcknowledgeJobOutput")]
    public sealed record WrongEnum
    {
        [JsonPropertyName("status")]
        [Constraint(Enum = ["Created", "Queued", "Dispatched", "InProgress", "TimedOut", "Succeeded"])]
        public string? Status { get; init; }
    }

    [ModelShape("PollForJobsInput")]
    public sealed record WrongQueryParam
    {
        [JsonPropertyName("actionTypeId")]
        public required Validation.SampleRecords.ActionTypeId ActionTypeId { get; init; }

        [JsonPropertyName("maxBatchSize")]
        [Constraint(Min = 1)]
        public string? MaxBatchSize { get; init; }

        [JsonPropertyName("queryParam")]
        [Constraint(Min = 0, Max = 1)]
        [Constraint(Target = ConstraintTarget.MapKey, Min = 1, Max = 50)]
        [Constraint(Target = ConstraintTarget.MapValue, Min = 1, Max = 50)]
        public IReadOnlyDictionary<string, string>? QueryParam { get; init; }
    }

    [ModelShape("AWSSessionCredentials")]
    public sealed record Credentials
    {
        [JsonPropertyName("accessKeyId")]
        [Sensitive]
        public required string AccessKeyId { get; init; }

        [JsonPropertyName("secretAccessKey")]
        [Sensitive]
        public required string SecretAccessKey { get; init; }

        [JsonPropertyName("sessionToken")]
        public required string SessionToken { get; init; }
    }
}
