using Baton.Cli.Infrastructure;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Pipeline;

/// <summary><c>baton pipeline start &lt;name&gt;</c>: StartPipelineExecution, then prints the execution id.</summary>
/// <param name="console">Where the id goes.</param>
/// <param name="clients">Creates the CodePipeline client.</param>
public sealed class PipelineStartCommand(IAnsiConsole console, ICodePipelineClientFactory clients) : AsyncCommand<PipelineStartSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, PipelineStartSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var client = clients.Create(settings);
        var variables = settings.ParsedVariables.Select(v => new PipelineVariable { Name = v.Name, Value = v.Value }).ToList();
        var response = await client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest
        {
            Name = settings.Name,
            Variables = variables.Count == 0 ? null : variables,
        }, cancellationToken);
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(CodePipelineJson.Serialize(response));
        }
        else
        {
            console.MarkupLineInterpolated($"Started [bold]{settings.Name}[/] execution {response.PipelineExecutionId}");
            console.MarkupLineInterpolated($"[grey]Follow it with: baton pipeline watch {settings.Name} --execution-id {response.PipelineExecutionId}[/]");
        }

        return ExitCodes.Success;
    }
}
