using System.Globalization;
using Baton.Cli.Rendering;
using Baton.CodePipeline.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>
/// Shows a pipeline execution as it runs, from a sequence of <see cref="PipelineSnapshot"/>s.
/// <list type="bullet">
/// <item><see cref="Update"/> returns plain lines for what changed since the previous snapshot
/// (execution status, each action's status/percent/summary/Details link, each new or finished
/// action execution). The text depends only on the snapshots, so it is stable for logs and tests.</item>
/// <item><see cref="Render"/> draws the whole state as a table (stage, action, status, a progress
/// bar of <c>percentComplete</c>, summary, Details link) followed by the latest lines, for a live view.</item>
/// </list>
/// One instance follows one execution.
/// </summary>
public sealed class PipelineWatchView
{
    private const int RecentLines = 8;
    private readonly Dictionary<string, string> _actionLines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _executionStatuses = new(StringComparer.Ordinal);
    private readonly List<string> _history = [];
    private string? _executionLine;

    /// <summary>Every line <see cref="Update"/> returned so far.</summary>
    public IReadOnlyList<string> History => _history;

    /// <summary>Takes a snapshot and returns the lines for what changed since the previous one.</summary>
    /// <param name="snapshot">The latest snapshot.</param>
    /// <returns>The new lines, in a fixed order: execution, then actions in pipeline order, then action executions oldest first.</returns>
    public IReadOnlyList<string> Update(PipelineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var lines = new List<string>();
        if (snapshot.Execution is { } execution)
        {
            var line = $"{snapshot.PipelineName} execution {execution.PipelineExecutionId}: {execution.Status}"
                + (string.IsNullOrEmpty(execution.StatusSummary) ? string.Empty : $" - {execution.StatusSummary}");
            if (line != _executionLine)
            {
                _executionLine = line;
                lines.Add(line);
            }
        }

        foreach (var (stage, action) in WatchedActions(snapshot))
        {
            var key = $"{stage.StageName}/{action.ActionName}";
            var line = $"{key}: {ActionText(action.LatestExecution)}";
            if (!_actionLines.TryGetValue(key, out var previous) || previous != line)
            {
                _actionLines[key] = line;
                lines.Add(line);
            }
        }

        foreach (var detail in snapshot.ActionExecutions)
        {
            var id = detail.ActionExecutionId ?? string.Empty;
            var status = detail.Status ?? "Unknown";
            if (_executionStatuses.TryGetValue(id, out var previous) && previous == status)
            {
                continue;
            }

            _executionStatuses[id] = status;
            lines.Add(ExecutionText(detail, isNew: previous is null));
        }

        _history.AddRange(lines);
        return lines;
    }

    /// <summary>Draws the snapshot: a table of stages and actions, then the latest lines of <see cref="History"/>.</summary>
    /// <param name="snapshot">The snapshot; call <see cref="Update"/> with it first to include its lines.</param>
    /// <returns>The renderable.</returns>
    public IRenderable Render(PipelineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var title = snapshot.Execution is { } execution
            ? $"[bold]{Markup.Escape(snapshot.PipelineName)}[/] execution {Markup.Escape(execution.PipelineExecutionId ?? "?")}: {Status(execution.Status)}"
            : $"[bold]{Markup.Escape(snapshot.PipelineName)}[/]";
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        foreach (var column in new[] { "Stage", "Action", "Status", "Progress", "Summary", "Details" })
        {
            table.AddColumn(column);
        }

        foreach (var stage in snapshot.State.StageStates ?? [])
        {
            var current = snapshot.Execution is null || snapshot.IsWatched(stage);
            foreach (var action in stage.ActionStates ?? [])
            {
                var latest = current ? action.LatestExecution : null;
                table.AddRow(
                    Markup.Escape(stage.StageName ?? "?"),
                    Markup.Escape(action.ActionName ?? "?"),
                    Status(latest?.Status ?? (current ? null : "Pending")),
                    latest?.PercentComplete is { } percent ? $"{Figures.Bar(percent / 100d, 20)} {percent}%" : string.Empty,
                    Markup.Escape(latest?.Summary ?? string.Empty),
                    latest?.ExternalExecutionUrl is { } url ? $"[link={Markup.Escape(url)}]{Markup.Escape(url)}[/]" : string.Empty);
            }
        }

        var recent = _history.Skip(Math.Max(0, _history.Count - RecentLines)).Select(line => new Text(line)).ToList<IRenderable>();
        return recent.Count == 0 ? table : new Rows([table, .. recent]);
    }

    private static IEnumerable<(StageState Stage, ActionState Action)> WatchedActions(PipelineSnapshot snapshot) =>
        from stage in snapshot.State.StageStates ?? []
        where snapshot.IsWatched(stage)
        from action in stage.ActionStates ?? []
        where action.LatestExecution is not null
        select (stage, action);

    private static string ActionText(ActionExecution? execution)
    {
        if (execution is null)
        {
            return "not started";
        }

        var text = execution.Status ?? "Unknown";
        if (execution.PercentComplete is { } percent)
        {
            text += " " + percent.ToString(CultureInfo.InvariantCulture) + "%";
        }

        if (!string.IsNullOrEmpty(execution.Summary))
        {
            text += " - " + execution.Summary;
        }

        if (execution.ErrorDetails?.Message is { Length: > 0 } error)
        {
            text += $" (error {execution.ErrorDetails.Code}: {error})";
        }

        return execution.ExternalExecutionUrl is { Length: > 0 } url ? $"{text} | Details: {url}" : text;
    }

    private static string ExecutionText(ActionExecutionDetail detail, bool isNew)
    {
        var name = $"{detail.StageName}/{detail.ActionName}";
        var result = detail.Output?.ExecutionResult;
        var text = $"{name} action execution {detail.ActionExecutionId} {(isNew ? "started" : "now")}: {detail.Status}";
        if (result?.ExternalExecutionId is { Length: > 0 } external)
        {
            text += $" (external id {external})";
        }

        if (result?.ExternalExecutionSummary is { Length: > 0 } summary)
        {
            text += " - " + summary;
        }

        return text;
    }

    private static string Status(string? status) => status switch
    {
        null => "[grey]-[/]",
        "Succeeded" => "[green]Succeeded[/]",
        "Failed" or "Stopped" or "Cancelled" or "Abandoned" => $"[red]{status}[/]",
        "InProgress" or "Stopping" => $"[blue]{status}[/]",
        _ => Markup.Escape(status),
    };
}
