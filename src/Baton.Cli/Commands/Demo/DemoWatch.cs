using Baton.Cli.Commands.Pipeline;
using Spectre.Console;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// Follows the demo's execution until it ends: every poll reads a <see cref="PipelineSnapshot"/>,
/// takes the agent's new steps from the <see cref="DemoStepLog"/>, lets the
/// <see cref="DemoApprover"/> approve a waiting approval, and shows it all, either live (the
/// <see cref="PipelineWatchView"/> table with the latest agent steps below it) or as plain lines:
/// the agent's steps first, then what changed in the pipeline.
/// </summary>
/// <param name="console">Where the view goes.</param>
/// <param name="watcher">Reads the snapshots.</param>
/// <param name="approver">Approves the release.</param>
/// <param name="steps">The agent's steps.</param>
/// <param name="timeProvider">The clock of the poll interval and the deadline.</param>
internal sealed class DemoWatch(IAnsiConsole console, PipelineWatcher watcher, DemoApprover approver, DemoStepLog steps, TimeProvider timeProvider)
{
    private const int RecentAgentLines = 6;
    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(500);
    private readonly PipelineWatchView _view = new();
    private readonly List<string> _agentLines = [];

    /// <summary>Watches until the execution ends or <paramref name="deadline"/> passes.</summary>
    /// <param name="executionId">The execution.</param>
    /// <param name="live">Draw the live view instead of plain lines.</param>
    /// <param name="deadline">How long to wait for the end.</param>
    /// <param name="cancellationToken">Stops watching (Ctrl-C).</param>
    /// <returns>The final snapshot, or the latest one with <c>TimedOut</c> set when the deadline passed first.</returns>
    public async Task<(PipelineSnapshot? Last, bool TimedOut)> RunAsync(string executionId, bool live, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(deadline, timeProvider);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        PipelineSnapshot? last = null;
        try
        {
            if (live)
            {
                await console.Live(new Text("Starting the execution…")).AutoClear(false).StartAsync(async context =>
                    await LoopAsync(executionId, (snapshot, _) =>
                    {
                        last = snapshot;
                        context.UpdateTarget(Render(snapshot));
                        context.Refresh();
                    }, watching.Token));
            }
            else
            {
                await LoopAsync(executionId, (snapshot, lines) =>
                {
                    last = snapshot;
                    foreach (var line in lines)
                    {
                        console.WriteLine(line);
                    }
                }, watching.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (last, true);
        }

        return (last, false);
    }

    private async Task LoopAsync(string executionId, Action<PipelineSnapshot, IReadOnlyList<string>> show, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await watcher.SnapshotAsync(DemoScenario.PipelineName, executionId, cancellationToken);
            var agent = steps.Drain().Select(step => step.ToString()).ToList();
            var pipeline = _view.Update(snapshot);
            var approval = await approver.ApproveWaitingAsync(snapshot, cancellationToken);
            _agentLines.AddRange(agent);
            if (approval is not null)
            {
                _agentLines.Add(approval);
            }

            show(snapshot, [.. agent, .. pipeline, .. approval is null ? Array.Empty<string>() : [approval]]);
            if (snapshot.IsFinal)
            {
                return;
            }

            await Task.Delay(_pollInterval, timeProvider, cancellationToken);
        }
    }

    private Rows Render(PipelineSnapshot snapshot)
    {
        var recent = _agentLines.Skip(Math.Max(0, _agentLines.Count - RecentAgentLines)).Select(line => new Text(line, new Style(Color.Grey)));
        return new Rows([_view.Render(snapshot), new Text(string.Empty), .. recent]);
    }
}
