using Baton.Agent.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Hosting;

/// <summary>
/// <c>baton agent --config agent.json</c>: runs a Baton agent with the BatonLoadTest handler.
/// The file is ordinary .NET configuration:
/// <code>
/// { "Baton": {
///     "Agent":        { "StateDirectory": "./agent-state", "ClientTokens": { … }, "Continuation": { "Keys": [ … ] } },
///     "LoadTest":     { "ServiceUrl": "http://127.0.0.1:5080/", "ActionType": "Test/ThirdParty/BatonLoadTest/1", "MaxConcurrency": 4 },
///     "CodePipeline": { "Region": "us-east-1", "EndpointUrl": "http://127.0.0.1:4599" } } }
/// </code>
/// Environment variables and the arguments after <c>--</c> override single settings (see
/// <see cref="AgentHost"/> for the layering); under systemd it runs as a notify service. Without
/// <c>--once</c> it polls until Ctrl-C or SIGTERM and then drains (exit 0); with <c>--once</c> it
/// finishes the jobs waiting now and exits 0.
/// </summary>
/// <param name="console">Where the start line goes.</param>
public sealed class AgentCommand(IAnsiConsole console) : AsyncCommand<AgentSettings>
{
    /// <summary>The action type run when the file names none.</summary>
    public const string DefaultActionType = "Test/ThirdParty/BatonLoadTest/1";

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, AgentSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var (builder, actionType) = AgentHost.CreateBuilder(settings.Config!, [.. context.Remaining.Raw], Environment.CurrentDirectory);
        using var host = builder.Build();
        console.MarkupLineInterpolated($"Baton agent running {actionType}{(settings.Once ? " once" : "; Ctrl-C stops it after the running steps are handed back")}.");
        if (settings.Once)
        {
            await host.Services.GetRequiredService<JobAgent>().RunOnceAsync(cancellationToken);
        }
        else
        {
            await host.RunAsync(cancellationToken);
        }

        return ExitCodes.Success;
    }
}
