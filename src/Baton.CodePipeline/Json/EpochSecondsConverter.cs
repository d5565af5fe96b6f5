using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baton.CodePipeline.Json;

/// <summary>
/// Reads and writes CodePipeline timestamps, which the JSON 1.1 protocol carries as epoch seconds:
/// a number, integer or fractional (<c>"created": 1446137312.204</c>). Reading also accepts a
/// string holding such a number or an ISO-8601 date-time; writing emits a number with millisecond
/// precision, without a fraction when the value is a whole second.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    private const long MinSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDecimal(out var seconds):
                return FromSeconds(seconds);
            case JsonTokenType.Number:
                throw new JsonException("A timestamp number is out of range; expected epoch seconds such as 1446137312.204.");
            case JsonTokenType.String:
                return FromText(reader.GetString()!);
            default:
                throw new JsonException($"A timestamp must be a number of epoch seconds (for example 1446137312.204), not {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            // decimal keeps the three digits exact (a double would write 1446137312.2039998).
            writer.WriteNumberValue(milliseconds / 1000m);
        }
    }

    private static DateTimeOffset FromText(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new JsonException(
            $"'{text}' is not a timestamp; expected epoch seconds (1446137312.204) or an ISO-8601 date-time (2015-10-29T16:48:32.204Z).");
    }

    private static DateTimeOffset FromSeconds(decimal seconds)
    {
        if (seconds < MinSeconds || seconds > MaxSeconds)
        {
            throw new JsonException($"The timestamp {seconds.ToString(CultureInfo.InvariantCulture)} is outside the years 1 to 9999 in epoch seconds.");
        }

        var ticks = (long)decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
        return DateTimeOffset.UnixEpoch.AddTicks(ticks);
    }
}
