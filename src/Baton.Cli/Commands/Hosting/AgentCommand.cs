using Baton.Agent.Hosting;
using Baton.LoadTest.Handler;
using Microsoft.Extensions.Configuration;
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
/// Without <c>--once</c> it polls until Ctrl-C and then drains (exit 0); with <c>--once</c> it
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
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Environment.CurrentDirectory });
        builder.Configuration.AddJsonFile(Path.GetFullPath(settings.Config!), optional: false, reloadOnChange: false);
        var loadTest = builder.Configuration.GetSection("Baton:LoadTest");
        var actionType = loadTest["ActionType"] ?? DefaultActionType;
        var maxConcurrency = loadTest.GetValue<int?>("MaxConcurrency");
        builder.Services.AddLoadTestHandler(options => loadTest.Bind(options));
        builder.Services.AddBatonAgent(builder.Configuration)
            .AddHandler<LoadTestHandler>(actionType, handler => handler.MaxConcurrency = maxConcurrency ?? handler.MaxConcurrency)
            .ConfigureCodePipelineClient(options => builder.Configuration.GetSection("Baton:CodePipeline").Bind(options));
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
