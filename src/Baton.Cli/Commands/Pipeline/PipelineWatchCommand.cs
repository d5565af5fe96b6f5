using Baton.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>
/// <c>baton pipeline watch &lt;name&gt;</c>: follows an execution until it ends, live on a
/// terminal (<see cref="PipelineWatchView.Render"/>) or as plain change lines otherwise
/// (<see cref="PipelineWatchView.Update"/>). Exits <see cref="ExitCodes.Success"/> when the
/// execution succeeds, <see cref="ExitCodes.WorkFailed"/> when it fails, stops, is superseded or
/// the <c>--timeout</c> passes first.
/// </summary>
/// <param name="console">Where the view goes.</param>
/// <param name="mode">Live view or plain lines.</param>
/// <param name="clients">Creates the CodePipeline client.</param>
/// <param name="timeProvider">The clock of the poll interval and the timeout.</param>
public sealed class PipelineWatchCommand(IAnsiConsole console, TerminalMode mode, ICodePipelineClientFactory clients, TimeProvider timeProvider)
    : AsyncCommand<PipelineWatchSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, PipelineWatchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var watcher = new PipelineWatcher(clients.Create(settings), timeProvider);
        var executionId = settings.ExecutionId ?? await watcher.LatestExecutionIdAsync(settings.Name, cancellationToken)
            ?? throw new CliUsageException($"{settings.Name} has no executions to watch; start one with: baton pipeline start {settings.Name}");
        var interval = DurationText.Read(settings.PollInterval, TimeSpan.FromSeconds(2));
        using var timeout = settings.Timeout is null ? null : new CancellationTokenSource(DurationText.Read(settings.Timeout, TimeSpan.Zero), timeProvider);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None);
        var view = new PipelineWatchView();
        PipelineSnapshot? last = null;
        try
        {
            if (mode.Live)
            {
                await console.Live(new Text($"Watching {settings.Name} execution {executionId}…")).AutoClear(false).StartAsync(async live =>
                    last = await watcher.WatchAsync(settings.Name, executionId, interval, snapshot =>
                    {
                        last = snapshot;
                        view.Update(snapshot);
                        live.UpdateTarget(view.Render(snapshot));
                        live.Refresh();
                    }, watching.Token));
            }
            else
            {
                last = await watcher.WatchAsync(settings.Name, executionId, interval, snapshot =>
                {
                    last = snapshot;
                    foreach (var line in view.Update(snapshot))
                    {
                        console.WriteLine(line);
                    }
                }, watching.Token);
            }
        }
        catch (OperationCanceledException) when (timeout?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLineInterpolated(
                $"[red]Timed out[/] after {settings.Timeout}: execution {executionId} is still {last?.Status ?? "unknown"}.");
            return ExitCodes.WorkFailed;
        }

        var status = last?.Status ?? "unknown";
        console.MarkupLineInterpolated($"Execution {executionId} ended: {status}.");
        return status == "Succeeded" ? ExitCodes.Success : ExitCodes.WorkFailed;
    }
}
