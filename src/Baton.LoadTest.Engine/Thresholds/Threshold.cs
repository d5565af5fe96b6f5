using System.Globalization;

namespace Baton.LoadTest.Engine.Thresholds;

/// <summary>What a threshold measures.</summary>
public enum ThresholdMetric
{
    /// <summary>A latency percentile (<c>p95</c>, <c>p99.9</c>).</summary>
    Percentile,

    /// <summary>The mean latency.</summary>
    Mean,

    /// <summary>The largest latency.</summary>
    Max,

    /// <summary>The smallest latency.</summary>
    Min,

    /// <summary>Failed requests (transport errors and statuses of 400 and above) as a percentage of completed requests.</summary>
    Errors,

    /// <summary>The achieved rate: completed requests per second of sending.</summary>
    Rps,
}

/// <summary>How a measured value is compared with the limit.</summary>
public enum ThresholdOperator
{
    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>One clause of a threshold expression, e.g. <c>p95&lt;300ms</c>.</summary>
/// <param name="Metric">What is measured.</param>
/// <param name="Percentile">The percentile for <see cref="ThresholdMetric.Percentile"/>, else 0.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Limit">The limit: microseconds for latencies, percent (0–100) for errors, requests/s for rps.</param>
public sealed record Threshold(ThresholdMetric Metric, double Percentile, ThresholdOperator Operator, double Limit)
{
    /// <summary>Whether a measured value (in the limit's unit) satisfies the clause.</summary>
    /// <param name="measured">The measured value.</param>
    /// <returns>True when the clause holds.</returns>
    public bool IsMet(double measured) => Operator switch
    {
        ThresholdOperator.Less => measured < Limit,
        ThresholdOperator.LessOrEqual => measured <= Limit,
        ThresholdOperator.Greater => measured > Limit,
        _ => measured >= Limit,
    };

    /// <summary>Whether the metric is a latency.</summary>
    public bool IsLatency => Metric is ThresholdMetric.Percentile or ThresholdMetric.Mean or ThresholdMetric.Max or ThresholdMetric.Min;

    /// <summary>The metric's name as written, e.g. <c>p99.9</c> or <c>errors</c>.</summary>
    public string MetricName => Metric == ThresholdMetric.Percentile
        ? "p" + Percentile.ToString(CultureInfo.InvariantCulture)
        : Metric.ToString().ToLowerInvariant();

    /// <summary>The clause in canonical form, e.g. <c>p95&lt;300ms</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var op = Operator switch
        {
            ThresholdOperator.Less => "<",
            ThresholdOperator.LessOrEqual => "<=",
            ThresholdOperator.Greater => ">",
            _ => ">=",
        };
        return MetricName + op + FormatValue(Limit);
    }

    /// <summary>Formats a value in this clause's unit (e.g. <c>12.5ms</c>, <c>0.5%</c>, <c>498.2</c>).</summary>
    /// <param name="value">Microseconds, percent or requests/s.</param>
    /// <returns>The text.</returns>
    public string FormatValue(double value) => Metric switch
    {
        ThresholdMetric.Errors => value.ToString("0.###", CultureInfo.InvariantCulture) + "%",
        ThresholdMetric.Rps => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => FormatMicroseconds(value),
    };

    private static string FormatMicroseconds(double microseconds) => microseconds switch
    {
        0 => "0ms",
        < 1_000 => microseconds.ToString("0.#", CultureInfo.InvariantCulture) + "us",
        < 1_000_000 => (microseconds / 1_000).ToString("0.###", CultureInfo.InvariantCulture) + "ms",
        _ => (microseconds / 1_000_000).ToString("0.###", CultureInfo.InvariantCulture) + "s",
    };
}
