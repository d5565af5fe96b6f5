using System.Globalization;
using Baton.Cli.Rendering;
using Baton.LoadTest.Engine.Running;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Baton.Cli.Commands.LoadTest;

/// <summary>
/// What <c>baton loadtest run</c> shows while it runs: a live table (elapsed, rate, latency
/// percentiles of the last second, errors) on a terminal, one line per second otherwise.
/// </summary>
internal static class LoadTestProgressView
{
    public static IRenderable Waiting(TimeSpan duration) =>
        new Markup($"[grey]Starting… ({Markup.Escape(Figures.Seconds(duration))} planned)[/]");

    public static IRenderable Render(LoadTestProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var second = progress.Interval;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]baton loadtest run[/]");
        foreach (var column in new[] { "elapsed", "progress", "rps", "p50", "p95", "p99", "errors", "in flight" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        var errors = progress.Totals.Errors;
        table.AddRow(
            Figures.Seconds(TimeSpan.FromSeconds(second.Second + 1)),
            $"{Figures.Bar(progress.Fraction, 20)} {Figures.Percent(progress.Fraction)}",
            Figures.Rate(second.Counters.Completed),
            Figures.Latency(second.Latency.P50),
            Figures.Latency(second.Latency.P95),
            Figures.Latency(second.Latency.P99),
            errors == 0 ? "0" : $"[red]{Figures.Count(errors)} ({Figures.Percent(progress.Totals.ErrorRate)})[/]",
            progress.InFlight.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    /// <summary>The plain line for one second (numbered from 1), e.g. <c>[   3s] rps 20.0  p50 1.2ms  p95 3.4ms  p99 5ms  errors 0  in-flight 0</c>.</summary>
    public static string Line(LoadTestProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var second = progress.Interval;
        return $"[{Figures.Seconds(TimeSpan.FromSeconds(second.Second + 1)),5}] rps {Figures.Rate(second.Counters.Completed)}  "
            + $"p50 {Figures.Latency(second.Latency.P50)}  p95 {Figures.Latency(second.Latency.P95)}  p99 {Figures.Latency(second.Latency.P99)}  "
            + $"errors {Figures.Count(progress.Totals.Errors)} ({Figures.Percent(progress.Totals.ErrorRate)})  in-flight {progress.InFlight}";
    }
}
