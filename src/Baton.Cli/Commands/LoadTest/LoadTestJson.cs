using System.Globalization;
using System.Text;
using System.Text.Json;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Running;

namespace Baton.Cli.Commands.LoadTest;

/// <summary>
/// The <c>--json</c> document of <c>baton loadtest run</c>: the final figures with latencies in
/// milliseconds, status codes, errors by kind, thresholds and warnings, for scripts and CI.
/// </summary>
internal static class LoadTestJson
{
    public static string Write(LoadTestResult result, string url)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var summary = result.Summary;
            var counters = summary.Counters;
            json.WriteStartObject();
            json.WriteString("url", url);
            json.WriteString("outcome", result.Outcome.ToString());
            if (result.AbortReason is not null)
            {
                json.WriteString("abortReason", result.AbortReason);
            }

            json.WriteBoolean("passed", result.ThresholdsPassed);
            json.WriteNumber("durationSeconds", summary.SendDuration.TotalSeconds);
            json.WriteStartObject("requests");
            json.WriteNumber("sent", counters.Sent);
            json.WriteNumber("completed", counters.Completed);
            json.WriteNumber("responses", counters.Responses);
            json.WriteNumber("errors", counters.Errors);
            json.WriteNumber("failedResponses", counters.FailedResponses);
            json.WriteNumber("transportErrors", counters.TransportErrors);
            json.WriteNumber("cancelled", counters.Cancelled);
            json.WriteNumber("missed", counters.Missed);
            json.WriteEndObject();
            json.WriteNumber("rps", Math.Round(summary.AchievedRate, 3));
            if (summary.TargetRate is { } target)
            {
                json.WriteNumber("targetRps", Math.Round(target, 3));
            }

            json.WriteNumber("errorRate", counters.ErrorRate);
            json.WriteStartObject("latencyMs");
            WriteLatency(json, "corrected", summary.Latency);
            WriteLatency(json, "uncorrected", summary.UncorrectedLatency);
            json.WriteEndObject();
            json.WriteStartObject("statusCodes");
            foreach (var (status, count) in counters.StatusCounts.OrderBy(pair => pair.Key))
            {
                json.WriteNumber(status.ToString(CultureInfo.InvariantCulture), count);
            }

            json.WriteEndObject();
            json.WriteStartObject("errorsByKind");
            foreach (var (kind, count) in counters.ErrorCounts.Where(pair => pair.Value > 0).OrderBy(pair => pair.Key))
            {
                json.WriteNumber(kind.ToString(), count);
            }

            json.WriteEndObject();
            json.WriteStartArray("thresholds");
            foreach (var verdict in result.Thresholds)
            {
                json.WriteStartObject();
                json.WriteString("threshold", verdict.Threshold.ToString());
                json.WriteBoolean("passed", verdict.Passed);
                json.WriteString("measured", verdict.MeasuredText);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                json.WriteStartObject();
                json.WriteString("code", warning.Code);
                json.WriteString("message", warning.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteLatency(Utf8JsonWriter json, string name, LatencySummary latency)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", latency.Count);
        json.WriteNumber("min", Math.Round(latency.Min.TotalMilliseconds, 3));
        json.WriteNumber("mean", Math.Round(latency.Mean.TotalMilliseconds, 3));
        json.WriteNumber("p50", Math.Round(latency.P50.TotalMilliseconds, 3));
        json.WriteNumber("p90", Math.Round(latency.P90.TotalMilliseconds, 3));
        json.WriteNumber("p95", Math.Round(latency.P95.TotalMilliseconds, 3));
        json.WriteNumber("p99", Math.Round(latency.P99.TotalMilliseconds, 3));
        json.WriteNumber("p999", Math.Round(latency.P999.TotalMilliseconds, 3));
        json.WriteNumber("max", Math.Round(latency.Max.TotalMilliseconds, 3));
        json.WriteEndObject();
    }
}
