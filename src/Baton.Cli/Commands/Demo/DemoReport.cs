using Baton.Cli.Commands.Pipeline;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Handler;
using Spectre.Console;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// The demo's closing lines: the load test's verdict per threshold (from the load-test service),
/// the failed thresholds by name, and the URLs to open: the Details page, the console's pipeline
/// and execution pages.
/// </summary>
/// <param name="console">Where the lines go.</param>
/// <param name="services">The demo's servers.</param>
internal sealed class DemoReport(IAnsiConsole console, DemoServices services)
{
    /// <summary>Prints the verdict and the URLs.</summary>
    /// <param name="last">The final snapshot.</param>
    /// <param name="loadTests">A client of the load-test service.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    public async Task WriteAsync(PipelineSnapshot last, LoadTestServiceClient loadTests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(loadTests);
        var action = last.State.StageStates?.FirstOrDefault(s => s.StageName == DemoPipeline.LoadTestStage)
            ?.ActionStates?.FirstOrDefault(a => a.ActionName == DemoPipeline.LoadTestAction)?.LatestExecution;
        console.WriteLine();
        if (action?.ExternalExecutionId is { Length: > 0 } testId)
        {
            var test = await loadTests.GetTestAsync(services.Service, LoadTestAccount.Demo.ApiKey, testId, cancellationToken);
            WriteVerdict(test);
        }
        else
        {
            console.WriteLine("The load test never started, so there is no verdict.");
        }

        if (action?.ExternalExecutionUrl is { Length: > 0 } details)
        {
            console.WriteLine($"Details:   {details}");
        }

        WriteUrls(last.Execution?.PipelineExecutionId);
    }

    /// <summary>Prints where to browse.</summary>
    /// <param name="executionId">The execution, if one started.</param>
    public void WriteUrls(string? executionId)
    {
        var pipeline = new Uri(services.Console, $"/console/pipelines/{DemoScenario.PipelineName}");
        console.WriteLine($"Console:   {pipeline}");
        if (executionId is not null)
        {
            console.WriteLine($"Execution: {new Uri(services.Console, $"/console/pipelines/{DemoScenario.PipelineName}/executions/{executionId}")}");
        }
    }

    private void WriteVerdict(TestView test)
    {
        console.WriteLine($"Load test {test.Id}: {test.Status} - {test.Summary}");
        foreach (var threshold in test.Thresholds)
        {
            var verdict = threshold.Passed switch
            {
                true => "[green]passed[/]",
                false => "[red]FAILED[/]",
                null => "[grey]not evaluated[/]",
            };
            console.MarkupLine($"  threshold {Markup.Escape(threshold.Expression)}: measured {Markup.Escape(threshold.Measured ?? "no data")} - {verdict}");
        }

        var failed = test.Thresholds.Where(t => t.Passed == false).Select(t => $"{t.Expression} (measured {t.Measured ?? "no data"})").ToList();
        if (failed.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]Failed thresholds:[/] {string.Join("; ", failed)}");
        }
    }
}
