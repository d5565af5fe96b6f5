using System.Text.Json.Serialization;

namespace Baton.CodePipeline.Json;

/// <summary>
/// Source-generated JSON metadata for every CodePipeline wire record and the error body: null
/// members are left out on write and timestamps are epoch seconds. The <c>[JsonSerializable]</c>
/// list is generated (Model/Generated/CodePipelineJsonContext.g.cs). Serialize through
/// <see cref="CodePipelineJson"/>, whose options are lenient when reading.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(EpochSecondsConverter)])]
public sealed partial class CodePipelineJsonContext : JsonSerializerContext;
