using System.Text.Json.Serialization;

namespace Baton.Agent.Continuation;

/// <summary>
/// The serialized form of a <see cref="ContinuationEnvelope"/>. Member names are one or two letters
/// and times are Unix milliseconds because every byte here costs 4/3 of a character of the
/// 2,048-character token.
/// </summary>
internal sealed class EnvelopeDocument
{
    [JsonPropertyName("v")]
    public int Version { get; set; }

    [JsonPropertyName("s")]
    public string? State { get; set; }

    [JsonPropertyName("x")]
    public string? ExternalExecutionId { get; set; }

    [JsonPropertyName("o")]
    public string? OriginJobId { get; set; }

    [JsonPropertyName("n")]
    public int Step { get; set; }

    [JsonPropertyName("t")]
    public long StartedAt { get; set; }

    [JsonPropertyName("nb")]
    public long? NotBefore { get; set; }
}

/// <summary>Source-generated serializer for <see cref="EnvelopeDocument"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EnvelopeDocument))]
internal sealed partial class ContinuationJsonContext : JsonSerializerContext;
