using System.Globalization;

namespace Baton.LoadTest.Api;

/// <summary>
/// Durations as people write them: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, combinations such
/// as <c>1m30s</c>, or a time span such as <c>00:00:30</c>. A leading '-' parses (so the validator can
/// say "must be positive" rather than "not a duration").
/// </summary>
public static class DurationText
{
    /// <summary>Parses a duration.</summary>
    /// <param name="text">The text.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>Whether the text is a duration.</returns>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var span = text.AsSpan().Trim();
        var negative = span.StartsWith("-");
        span = negative ? span[1..] : span;
        if (span.IsEmpty)
        {
            return false;
        }

        if (span.Contains(':'))
        {
            if (!TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out duration))
            {
                return false;
            }
        }
        else if (!TryParseUnits(span, out duration))
        {
            return false;
        }

        duration = negative ? -duration : duration;
        return true;
    }

    /// <summary>Formats a duration compactly, e.g. <c>1m30s</c> or <c>500ms</c>.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1) || duration.Milliseconds != 0)
        {
            return ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var text = string.Empty;
        if (duration.Days > 0 || duration.Hours > 0)
        {
            text += ((long)duration.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (duration.Minutes > 0)
        {
            text += duration.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        return duration.Seconds > 0 || text.Length == 0 ? text + duration.Seconds.ToString(CultureInfo.InvariantCulture) + "s" : text;
    }

    private static bool TryParseUnits(ReadOnlySpan<char> span, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var milliseconds = 0.0;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && (char.IsAsciiDigit(span[digits]) || span[digits] == '.'))
            {
                digits++;
            }

            var letters = 0;
            while (digits + letters < span.Length && char.IsAsciiLetter(span[digits + letters]))
            {
                letters++;
            }

            if (digits == 0 || letters == 0
                || !double.TryParse(span[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            double? factor = span.Slice(digits, letters) switch
            {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => null,
            };
            if (factor is null)
            {
                return false;
            }

            milliseconds += number * factor.Value;
            span = span[(digits + letters)..];
        }

        if (milliseconds > TimeSpan.FromDays(365).TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }
}
