using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Baton.CodePipeline.Json;

/// <summary>
/// The JSON settings of the CodePipeline wire format, shared by client and emulator. Writing
/// leaves out null members and writes timestamps as epoch seconds. Reading is lenient the way the
/// service is: unknown members (such as the legacy <c>__type</c> markers in real responses) are
/// skipped, an empty body reads as <c>{}</c>, and a missing <c>required</c> member reads as null
/// instead of throwing, so that the validator can answer "Member must not be null" like AWS does.
/// The exception: a required member of a value type (the model's required integers, booleans and
/// timestamps, such as <c>ArtifactDetails.minimumCount</c>) cannot be null, so a missing one is a
/// <see cref="JsonException"/> that names it rather than a silent 0, false or year 1.
/// </summary>
public static class CodePipelineJson
{
    /// <summary>The options: <see cref="CodePipelineJsonContext"/>'s metadata with the lenient reading rules. Read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The metadata of a wire record (or <see cref="AwsErrorBody"/>) under <see cref="Options"/>.</summary>
    /// <typeparam name="T">A generated record or <see cref="AwsErrorBody"/>.</typeparam>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not in <see cref="CodePipelineJsonContext"/>.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Serializes a record to JSON text, leaving out null members.</summary>
    /// <typeparam name="T">A generated record or <see cref="AwsErrorBody"/>.</typeparam>
    /// <param name="value">The record.</param>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Serializes a record to UTF-8 JSON, leaving out null members.</summary>
    /// <typeparam name="T">A generated record or <see cref="AwsErrorBody"/>.</typeparam>
    /// <param name="value">The record.</param>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>Deserializes a UTF-8 body; an empty or all-whitespace body reads as <c>{}</c>.</summary>
    /// <typeparam name="T">A generated record or <see cref="AwsErrorBody"/>.</typeparam>
    /// <param name="utf8Json">The body.</param>
    /// <exception cref="JsonException">The body is not JSON, not an object of the record's shape, or the literal <c>null</c>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
    {
        var body = utf8Json.Trim(" \t\r\n"u8);
        var value = JsonSerializer.Deserialize(body.IsEmpty ? "{}"u8 : body, TypeInfo<T>());
        return value ?? throw NullBody<T>();
    }

    /// <summary>Deserializes JSON text; an empty or all-whitespace text reads as <c>{}</c>.</summary>
    /// <typeparam name="T">A generated record or <see cref="AwsErrorBody"/>.</typeparam>
    /// <param name="json">The body.</param>
    /// <exception cref="JsonException">The body is not JSON, not an object of the record's shape, or the literal <c>null</c>.</exception>
    public static T Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var value = JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(json) ? "{}" : json, TypeInfo<T>());
        return value ?? throw NullBody<T>();
    }

    private static JsonException NullBody<T>() =>
        new($"The body is the JSON literal null; a {typeof(T).Name} must be a JSON object (send {{}} for an empty one).");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(CodePipelineJsonContext.Default.Options)
        {
            TypeInfoResolver = CodePipelineJsonContext.Default.WithAddedModifier(RelaxRequiredMembers),
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.MakeReadOnly();
        return options;
    }

    // The records mark model-required members with C#'s `required` for callers who build them;
    // on the wire a missing one must arrive as null so the validator can report it the AWS way.
    // A required int, bool or timestamp has no null: it stays required, so a missing one fails
    // with a JsonException naming it instead of silently reading as 0, false or year 1.
    private static void RelaxRequiredMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                property.IsRequired = false;
            }
        }
    }
}
