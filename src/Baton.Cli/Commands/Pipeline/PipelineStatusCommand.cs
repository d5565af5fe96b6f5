using Baton.Cli.Infrastructure;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>
/// <c>baton pipeline status &lt;name&gt;</c>: the stages and actions of a pipeline as of its
/// latest execution (GetPipelineState, ListPipelineExecutions, GetPipelineExecution,
/// ListActionExecutions), or GetPipelineState's raw answer with <c>--json</c>.
/// </summary>
/// <param name="console">Where the table goes.</param>
/// <param name="clients">Creates the CodePipeline client.</param>
/// <param name="timeProvider">The clock (unused by a single poll, shared with watch).</param>
public sealed class PipelineStatusCommand(IAnsiConsole console, ICodePipelineClientFactory clients, TimeProvider timeProvider)
    : AsyncCommand<PipelineStatusSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, PipelineStatusSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = clients.Create(settings);
        if (settings.Json)
        {
            var state = await client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = settings.Name }, cancellationToken);
            console.Profile.Out.Writer.WriteLine(CodePipelineJson.Serialize(state));
            return ExitCodes.Success;
        }

        var watcher = new PipelineWatcher(client, timeProvider);
        var latest = await watcher.LatestExecutionIdAsync(settings.Name, cancellationToken);
        var snapshot = await watcher.SnapshotAsync(settings.Name, latest, cancellationToken);
        console.Write(new PipelineWatchView().Render(snapshot));
        if (latest is null)
        {
            console.MarkupLineInterpolated($"[grey]{settings.Name} has no executions yet.[/]");
        }

        return ExitCodes.Success;
    }
}
