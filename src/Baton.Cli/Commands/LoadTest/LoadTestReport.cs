using System.Globalization;
using Baton.Cli.Rendering;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Running;
using Spectre.Console;

namespace Baton.Cli.Commands.LoadTest;

/// <summary>
/// The final report of <c>baton loadtest run</c>: requests and rate, latency percentiles
/// (corrected, i.e. from the planned send time, and uncorrected), status codes, errors by kind,
/// each threshold with its measured value and verdict, and the generator's warnings.
/// </summary>
internal static class LoadTestReport
{
    public static void Write(IAnsiConsole console, LoadTestResult result, string url)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var summary = result.Summary;
        var counters = summary.Counters;
        var overview = Grid("Result", "Value");
        overview.AddRow("target", Markup.Escape(url));
        overview.AddRow("outcome", result.Outcome + (result.AbortReason is null ? string.Empty : $" ({Markup.Escape(result.AbortReason)})"));
        overview.AddRow("duration", Figures.Latency(summary.SendDuration));
        overview.AddRow("requests", $"{Figures.Count(counters.Sent)} sent, {Figures.Count(counters.Completed)} completed");
        overview.AddRow("rps", summary.TargetRate is { } target
            ? $"{Figures.Rate(summary.AchievedRate)} (target {Figures.Rate(target)})"
            : Figures.Rate(summary.AchievedRate));
        overview.AddRow("errors", $"{Figures.Count(counters.Errors)} ({Figures.Percent(counters.ErrorRate)})");
        if (counters.Missed > 0)
        {
            overview.AddRow("missed sends", Figures.Count(counters.Missed));
        }

        console.Write(overview);
        console.Write(Latency(summary.Latency, summary.UncorrectedLatency));
        console.Write(Breakdown(counters));
        if (result.Thresholds.Count > 0)
        {
            var thresholds = Grid("Threshold", "Measured", "Result");
            foreach (var verdict in result.Thresholds)
            {
                thresholds.AddRow(
                    Markup.Escape(verdict.Threshold.ToString()),
                    Markup.Escape(verdict.MeasuredText),
                    verdict.Passed ? "[green]passed[/]" : "[red]FAILED[/]");
            }

            console.Write(thresholds);
        }

        foreach (var warning in result.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning ({warning.Code}):[/] {warning.Message}");
        }

        console.MarkupLine(result.Thresholds.Count == 0 ? "No thresholds given."
            : result.ThresholdsPassed ? "[green]All thresholds passed.[/]"
            : $"[red]{result.Thresholds.Count(t => !t.Passed)} of {result.Thresholds.Count} thresholds failed.[/]");
    }

    private static Table Latency(LatencySummary corrected, LatencySummary uncorrected)
    {
        var table = Grid("Latency", "Corrected", "Uncorrected");
        (string Name, Func<LatencySummary, TimeSpan> Pick)[] rows =
        [
            ("min", s => s.Min), ("mean", s => s.Mean), ("p50", s => s.P50), ("p90", s => s.P90),
            ("p95", s => s.P95), ("p99", s => s.P99), ("p99.9", s => s.P999), ("max", s => s.Max),
        ];
        foreach (var (name, pick) in rows)
        {
            table.AddRow(name, Figures.Latency(pick(corrected)), Figures.Latency(pick(uncorrected)));
        }

        return table;
    }

    private static Table Breakdown(LoadTestCounters counters)
    {
        var table = Grid("Outcome", "Count");
        foreach (var (status, count) in counters.StatusCounts.OrderBy(pair => pair.Key))
        {
            table.AddRow($"HTTP {status.ToString(CultureInfo.InvariantCulture)}", Figures.Count(count));
        }

        foreach (var (kind, count) in counters.ErrorCounts.Where(pair => pair.Value > 0).OrderBy(pair => pair.Key))
        {
            table.AddRow(kind == LoadErrorKind.Cancelled ? "cancelled (not an error)" : $"[red]{kind}[/]", Figures.Count(count));
        }

        if (table.Rows.Count == 0)
        {
            table.AddRow("no responses", "0");
        }

        return table;
    }

    private static Table Grid(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }
}
