using Baton.LoadTest.Engine.Metrics;
using HdrHistogram;

namespace Baton.LoadTest.Engine.Thresholds;

/// <summary>
/// Evaluates thresholds on the final merged numbers: latencies on the corrected histogram of the
/// whole run (latency from the intended send time), errors on completed requests, rps on the
/// achieved rate. A latency or errors threshold with nothing measured fails ("no data").
/// </summary>
internal static class ThresholdEvaluator
{
    public static IReadOnlyList<ThresholdResult> Evaluate(IReadOnlyList<Threshold> thresholds, HistogramBase latency, LoadTestCounters counters, double achievedRate) =>
        [.. thresholds.Select(t => Evaluate(t, latency, counters, achievedRate))];

    private static ThresholdResult Evaluate(Threshold threshold, HistogramBase latency, LoadTestCounters counters, double achievedRate)
    {
        double? measured = threshold.Metric switch
        {
            _ when threshold.IsLatency && latency.TotalCount == 0 => null,
            ThresholdMetric.Percentile => latency.GetValueAtPercentile(threshold.Percentile),
            ThresholdMetric.Mean => latency.GetMean(),
            ThresholdMetric.Max => latency.GetMaxValue(),
            ThresholdMetric.Min => LatencyHistograms.Min(latency),
            ThresholdMetric.Errors => counters.Completed == 0 ? null : counters.ErrorRate * 100,
            _ => achievedRate,
        };

        return measured is { } value
            ? new ThresholdResult(threshold, threshold.IsMet(value), value, threshold.FormatValue(value))
            : new ThresholdResult(threshold, false, double.NaN, "no data");
    }
}
