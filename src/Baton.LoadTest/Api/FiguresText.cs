using System.Globalization;
using Baton.LoadTest.Engine.Thresholds;

namespace Baton.LoadTest.Api;

/// <summary>How figures read: <c>1,204 req/s · p95 41 ms · 0.1% errors</c>.</summary>
public static class FiguresText
{
    /// <summary>The one-line summary.</summary>
    /// <param name="requestsPerSecond">Finished requests per second.</param>
    /// <param name="p95Ms">The 95th percentile in milliseconds, or null without responses.</param>
    /// <param name="errorPercent">Errors as a percentage of finished requests.</param>
    /// <returns>The line.</returns>
    public static string Summary(double requestsPerSecond, double? p95Ms, double errorPercent) =>
        $"{Rate(requestsPerSecond)} req/s · p95 {(p95Ms is { } p95 ? Milliseconds(p95) : "–")} · {Percent(errorPercent)} errors";

    /// <summary>A rate: whole numbers with separators from 100 up (<c>1,204</c>), one decimal below (<c>19.8</c>).</summary>
    /// <param name="value">Requests per second.</param>
    /// <returns>The text.</returns>
    public static string Rate(double value) =>
        value.ToString(value >= 100 ? "#,0" : "0.#", CultureInfo.InvariantCulture);

    /// <summary>A latency in milliseconds: <c>41 ms</c>, or <c>4.2 ms</c> below 10.</summary>
    /// <param name="milliseconds">The latency.</param>
    /// <returns>The text.</returns>
    public static string Milliseconds(double milliseconds) =>
        milliseconds.ToString(milliseconds >= 10 ? "#,0" : "0.##", CultureInfo.InvariantCulture) + " ms";

    /// <summary>A percentage: <c>0.1%</c>, <c>3.2%</c>, <c>0%</c>.</summary>
    /// <param name="percent">The percentage.</param>
    /// <returns>The text.</returns>
    public static string Percent(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A threshold's measured value in its unit: <c>412 ms</c>, <c>3.2%</c>, <c>12.3 req/s</c> or <c>no data</c>.</summary>
    /// <param name="result">The verdict.</param>
    /// <returns>The text.</returns>
    public static string Measured(ThresholdResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (double.IsNaN(result.Measured))
        {
            return "no data";
        }

        return result.Threshold.Metric switch
        {
            ThresholdMetric.Errors => Percent(result.Measured),
            ThresholdMetric.Rps => Rate(result.Measured) + " req/s",
            _ => Milliseconds(result.Measured / 1_000),
        };
    }
}
