using System.Globalization;

namespace Baton.Cli.Infrastructure;

/// <summary>
/// Reads durations written as a number and a unit: <c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>
/// (a decimal point is allowed: <c>1.5s</c>). The unit is required so that <c>30</c> is never
/// silently read as milliseconds or seconds.
/// </summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var (unit, factor) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (2, 1d),
            _ when value.EndsWith('s') || value.EndsWith('S') => (1, 1_000d),
            _ when value.EndsWith('m') || value.EndsWith('M') => (1, 60_000d),
            _ when value.EndsWith('h') || value.EndsWith('H') => (1, 3_600_000d),
            _ => (0, 0d),
        };
        if (unit == 0
            || !double.TryParse(value[..^unit], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number * factor))
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(number * factor);
        return true;
    }

    /// <summary>Checks an optional duration option; returns the error message, or null when it is absent or valid.</summary>
    public static string? Check(string option, string? text, bool allowZero = false)
    {
        if (text is null)
        {
            return null;
        }

        if (!TryParse(text, out var duration))
        {
            return $"{option}: '{text}' is not a duration; write a number and a unit, e.g. 500ms, 30s, 5m or 1h.";
        }

        return duration == TimeSpan.Zero && !allowZero ? $"{option}: must be longer than 0, was '{text}'." : null;
    }

    /// <summary>Reads a duration already checked by <see cref="Check"/>.</summary>
    public static TimeSpan Read(string? text, TimeSpan fallback) => TryParse(text, out var duration) ? duration : fallback;

    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => $"{duration.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)}ms",
        { TotalMinutes: < 1 } => $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)}s",
        _ => $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s",
    };
}
