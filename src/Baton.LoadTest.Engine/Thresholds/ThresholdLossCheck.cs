using Baton.LoadTest.Engine.Metrics;
using HdrHistogram;

namespace Baton.LoadTest.Engine.Thresholds;

/// <summary>
/// Decides, during a run, whether a threshold is already certainly lost, so the run may stop
/// early. Conservative by design: only verdicts that no remaining request can change.
/// <list type="bullet">
/// <item><c>max &lt;(=) X</c>: the max so far already fails (the max only grows).</item>
/// <item><c>min &gt;(=) X</c>: the min so far already fails (the min only shrinks).</item>
/// <item>Only with a known total of sends (the open model): <c>errors &lt;(=) X%</c> when the errors
/// so far exceed X% of every planned send; <c>pNN &lt;(=) X</c> when more latencies exceed X than
/// the percentile leaves room for among all planned sends.</item>
/// </list>
/// Mean and rps are never judged early. Values are the histogram's reported values, the same
/// ones the final evaluation uses.
/// </summary>
internal static class ThresholdLossCheck
{
    /// <summary>A reason when the threshold is certainly lost, otherwise null.</summary>
    public static string? Check(Threshold threshold, HistogramBase latency, LoadTestCounters counters, long? plannedSends)
    {
        var limit = threshold.Limit;
        switch (threshold.Metric)
        {
            case ThresholdMetric.Max when latency.TotalCount > 0 && threshold.Operator is ThresholdOperator.Less or ThresholdOperator.LessOrEqual:
                // The reported max only grows.
                var max = latency.GetMaxValue();
                return threshold.IsMet(max) ? null : $"{threshold} is lost: a latency of {threshold.FormatValue(max)} was already recorded.";
            case ThresholdMetric.Min when latency.TotalCount > 0 && threshold.Operator is ThresholdOperator.Greater or ThresholdOperator.GreaterOrEqual:
                // The reported min only shrinks.
                var min = LatencyHistograms.Min(latency);
                return threshold.IsMet(min) ? null : $"{threshold} is lost: a latency of {threshold.FormatValue(min)} was already recorded.";
            case ThresholdMetric.Errors when plannedSends is > 0 && threshold.Operator is ThresholdOperator.Less or ThresholdOperator.LessOrEqual:
                // At most every planned send completes, so the final rate is at least this.
                var floor = (double)counters.Errors / plannedSends.Value * 100;
                return !threshold.IsMet(floor)
                    ? $"{threshold} is lost: {counters.Errors} failed requests are already {threshold.FormatValue(floor)} of all {plannedSends} planned."
                    : null;
            case ThresholdMetric.Percentile when plannedSends is > 0 && threshold.Operator is ThresholdOperator.Less or ThresholdOperator.LessOrEqual:
                // Even if every remaining send were instant, the percentile's rank would fall above the limit.
                var above = LatencyHistograms.CountAbove(latency, (long)Math.Ceiling(limit));
                var rank = (long)Math.Floor(threshold.Percentile / 100 * plannedSends.Value);
                return above > plannedSends.Value - rank + 1
                    ? $"{threshold} is lost: {above} of {plannedSends} planned requests already took longer than {threshold.FormatValue(limit)}."
                    : null;
            default:
                return null;
        }
    }
}
