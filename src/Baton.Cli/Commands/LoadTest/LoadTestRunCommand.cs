using Baton.Cli.Infrastructure;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.LoadTest;

/// <summary>
/// <c>baton loadtest run &lt;url&gt;</c>: runs the load engine against one URL, shows progress
/// (live on a terminal, a line per second otherwise), prints the final report, and exits
/// <see cref="ExitCodes.Success"/> when every threshold passes, <see cref="ExitCodes.WorkFailed"/>
/// when one fails, <see cref="ExitCodes.Cancelled"/> after Ctrl-C (with the partial report).
/// </summary>
/// <param name="console">Where the progress and the report go.</param>
/// <param name="mode">Live view or plain lines.</param>
/// <param name="timeProvider">The engine's clock.</param>
public sealed class LoadTestRunCommand(IAnsiConsole console, TerminalMode mode, TimeProvider timeProvider)
    : AsyncCommand<LoadTestRunSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, LoadTestRunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var plan = LoadTestPlanBuilder.Build(settings);
        try
        {
            plan.Validate();
        }
        catch (LoadTestPlanException exception)
        {
            throw new CliUsageException(string.Join(" ", exception.Problems));
        }

        var runner = new LoadTestRunner(timeProvider);
        LoadTestResult result;
        if (settings.Json)
        {
            result = await runner.RunAsync(plan, null, cancellationToken);
            console.Profile.Out.Writer.WriteLine(LoadTestJson.Write(result, settings.Url));
        }
        else
        {
            result = mode.Live
                ? await RunLiveAsync(runner, plan, cancellationToken)
                : await runner.RunAsync(plan, new ProgressCallback<LoadTestProgress>(p => console.WriteLine(LoadTestProgressView.Line(p))), cancellationToken);
            LoadTestReport.Write(console, result, settings.Url);
        }

        if (result.Outcome == LoadTestOutcome.Cancelled)
        {
            console.MarkupLine("[yellow]Cancelled: the figures cover the run up to Ctrl-C.[/]");
            return ExitCodes.Cancelled;
        }

        return result.ThresholdsPassed ? ExitCodes.Success : ExitCodes.WorkFailed;
    }

    private async Task<LoadTestResult> RunLiveAsync(LoadTestRunner runner, LoadTestPlan plan, CancellationToken cancellationToken)
    {
        LoadTestResult? result = null;
        await console.Live(LoadTestProgressView.Waiting(plan.Model.Duration))
            .AutoClear(false)
            .StartAsync(async live =>
            {
                var progress = new ProgressCallback<LoadTestProgress>(p =>
                {
                    live.UpdateTarget(LoadTestProgressView.Render(p));
                    live.Refresh();
                });
                result = await runner.RunAsync(plan, progress, cancellationToken);
            });
        return result!;
    }
}
