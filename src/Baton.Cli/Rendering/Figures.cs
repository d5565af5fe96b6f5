using System.Globalization;

namespace Baton.Cli.Rendering;

/// <summary>Formats the numbers Baton prints, invariantly, so output reads the same everywhere.</summary>
internal static class Figures
{
    /// <summary>A latency: <c>850us</c>, <c>12.35ms</c>, <c>1.24s</c>.</summary>
    public static string Latency(TimeSpan value) => value.TotalMilliseconds switch
    {
        < 1 => (value.TotalMicroseconds).ToString("0", CultureInfo.InvariantCulture) + "us",
        < 1_000 => value.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture) + "ms",
        _ => value.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + "s",
    };

    /// <summary>A rate in requests per second, to one decimal.</summary>
    public static string Rate(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A share (0 to 1) as a percentage: <c>0.25%</c>.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds: <c>12s</c>.</summary>
    public static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    /// <summary>A text progress bar of <paramref name="width"/> cells for a share from 0 to 1.</summary>
    public static string Bar(double share, int width)
    {
        var filled = (int)Math.Round(Math.Clamp(share, 0, 1) * width);
        return new string('#', filled) + new string('-', width - filled);
    }
}
