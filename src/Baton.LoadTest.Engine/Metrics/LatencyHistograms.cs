using HdrHistogram;

namespace Baton.LoadTest.Engine.Metrics;

/// <summary>
/// The one histogram shape of the engine: microseconds, 1 µs to 1 hour, 3 significant digits.
/// All histograms share it, so any two merge losslessly by adding their counts.
/// </summary>
internal static class LatencyHistograms
{
    /// <summary>The largest value kept; longer latencies are recorded as this value.</summary>
    public const long HighestMicroseconds = 3_600_000_000;

    public const int SignificantDigits = 3;

    public static LongHistogram Create() => new(1, HighestMicroseconds, SignificantDigits);

    public static void Record(LongHistogram histogram, long microseconds) =>
        histogram.RecordValue(Math.Clamp(microseconds, 1, HighestMicroseconds));

    /// <summary>The smallest recorded value (its equivalence range's lowest value), or 0 when empty.</summary>
    public static long Min(HistogramBase histogram)
    {
        foreach (var value in histogram.RecordedValues())
        {
            return histogram.LowestEquivalentValue(value.ValueIteratedTo);
        }

        return 0;
    }

    /// <summary>The number of recorded values strictly above <paramref name="microseconds"/> (by equivalence range).</summary>
    public static long CountAbove(HistogramBase histogram, long microseconds)
    {
        long above = 0;
        foreach (var value in histogram.RecordedValues())
        {
            if (histogram.HighestEquivalentValue(value.ValueIteratedTo) > microseconds)
            {
                above += value.CountAddedInThisIterationStep;
            }
        }

        return above;
    }

    public static LatencySummary Summarize(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return LatencySummary.Empty;
        }

        static TimeSpan Us(double microseconds) => TimeSpan.FromMicroseconds(microseconds);
        return new LatencySummary(
            histogram.TotalCount,
            Us(Min(histogram)),
            Us(histogram.GetMean()),
            Us(histogram.GetValueAtPercentile(50)),
            Us(histogram.GetValueAtPercentile(90)),
            Us(histogram.GetValueAtPercentile(95)),
            Us(histogram.GetValueAtPercentile(99)),
            Us(histogram.GetValueAtPercentile(99.9)),
            Us(histogram.GetMaxValue()));
    }
}
