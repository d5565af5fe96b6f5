using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baton.CodePipeline.Json;

/// <summary>
/// Reads <see cref="AwsErrorBody"/> from <c>__type</c> and <c>message</c> (or <c>Message</c>),
/// skipping every other member, and writes <c>__type</c> and <c>message</c>, leaving out nulls.
/// </summary>
public sealed class AwsErrorBodyConverter : JsonConverter<AwsErrorBody>
{
    /// <inheritdoc />
    public override AwsErrorBody Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An AWS error body must be a JSON object, not {reader.TokenType}.");
        }

        string? type = null;
        string? message = null;
        string? alternateMessage = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "__type" when reader.TokenType == JsonTokenType.String:
                    type = reader.GetString();
                    break;
                case "message" when reader.TokenType == JsonTokenType.String:
                    message = reader.GetString();
                    break;
                case "Message" when reader.TokenType == JsonTokenType.String:
                    alternateMessage = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new AwsErrorBody { Type = type, Message = message ?? alternateMessage };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, AwsErrorBody value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.Type is not null)
        {
            writer.WriteString("__type", value.Type);
        }

        if (value.Message is not null)
        {
            writer.WriteString("message", value.Message);
        }

        writer.WriteEndObject();
    }
}
