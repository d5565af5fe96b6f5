namespace Baton.LoadTest.Engine.Metrics;

/// <summary>The usual figures of a latency histogram (values are the histogram's, i.e. to 3 significant digits).</summary>
/// <param name="Count">How many latencies were recorded.</param>
/// <param name="Min">The smallest.</param>
/// <param name="Mean">The mean.</param>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="P999">The 99.9th percentile.</param>
/// <param name="Max">The largest.</param>
public sealed record LatencySummary(
    long Count,
    TimeSpan Min,
    TimeSpan Mean,
    TimeSpan P50,
    TimeSpan P90,
    TimeSpan P95,
    TimeSpan P99,
    TimeSpan P999,
    TimeSpan Max)
{
    /// <summary>The summary of an empty histogram.</summary>
    public static LatencySummary Empty { get; } =
        new(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
