using System.Globalization;

namespace Baton.Emulator.Hosting;

/// <summary>
/// Parses the emulator's duration options: a non-negative whole number followed by a unit,
/// <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c> (for example <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>).
/// </summary>
public static class DurationParser
{
    private static readonly (string Suffix, long TicksPerUnit)[] _units =
    [
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>Parses <paramref name="text"/> or returns a message naming the option and the fix.</summary>
    /// <param name="option">The option being parsed, for example <c>--job-timeout</c>; used in the message.</param>
    /// <param name="text">The text to parse.</param>
    /// <param name="value">The parsed duration.</param>
    /// <param name="error">The message when the text is not a duration.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a duration.</returns>
    public static bool TryParse(string option, string? text, out TimeSpan value, out string? error)
    {
        value = TimeSpan.Zero;
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        foreach (var (suffix, ticksPerUnit) in _units)
        {
            if (!trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var number = trimmed[..^suffix.Length];
            if (number.Length > 0
                && number.All(char.IsAsciiDigit)
                && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count <= TimeSpan.MaxValue.Ticks / ticksPerUnit)
            {
                value = TimeSpan.FromTicks(count * ticksPerUnit);
                return true;
            }

            break;
        }

        error = $"{option}: '{text}' is not a duration; use a number followed by ms, s, m or h, e.g. 30s";
        return false;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> with a clear message.</summary>
    /// <param name="option">The option being parsed; used in the message.</param>
    /// <param name="text">The text to parse.</param>
    /// <returns>The duration.</returns>
    public static TimeSpan Parse(string option, string text) =>
        TryParse(option, text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Formats a duration in the largest unit that represents it exactly (<c>90s</c>, <c>1h</c>).</summary>
    /// <param name="value">The duration to format.</param>
    /// <returns>The text, which <see cref="Parse"/> reads back to the same value.</returns>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        for (var i = _units.Length - 1; i >= 0; i--)
        {
            var (suffix, ticksPerUnit) = _units[i];
            if (value.Ticks % ticksPerUnit == 0)
            {
                return (value.Ticks / ticksPerUnit).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
