using System.Security.Cryptography;
using Baton.Agent.Artifacts;
using Baton.Agent.Hosting;
using Baton.Agent.Jobs;
using Baton.Agent.Journal;
using Baton.CodePipeline.Signing;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Handler;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// The demo's job agent: a Generic Host with <c>AddBatonAgent</c> and the load-test handler, pointed
/// at the emulator by configuration only (endpoint, region, credentials), as any deployment would be.
/// It finds client tokens and account keys through the load-test service's
/// <see cref="ConnectedClients"/> (what the sign-up page stored), keeps its journal in memory and
/// polls briskly so each continuation job is picked up within a second.
/// </summary>
internal sealed class DemoAgent : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DirectoryInfo _stateDirectory;

    private DemoAgent(IHost host, DirectoryInfo stateDirectory)
    {
        _host = host;
        _stateDirectory = stateDirectory;
    }

    /// <summary>Builds and starts the agent.</summary>
    /// <param name="emulator">The emulator's CodePipeline + S3 endpoint.</param>
    /// <param name="credentials">The credentials the emulator accepts.</param>
    /// <param name="service">The load-test service's base URL.</param>
    /// <param name="clients">The service's connected clients.</param>
    /// <param name="steps">Receives every step the handler takes.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<DemoAgent> StartAsync(
        Uri emulator, AwsCredentials credentials, Uri service, ConnectedClients clients, DemoStepLog steps, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var stateDirectory = Directory.CreateTempSubdirectory("baton-demo-agent-");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Demo" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Baton:Agent:AgentId"] = "baton-demo-agent",
            ["Baton:Agent:StateDirectory"] = stateDirectory.FullName,
            ["Baton:Agent:DrainTimeout"] = "00:00:05",
            ["Baton:Agent:Polling:IdlePollStart"] = "00:00:00.250",
            ["Baton:Agent:Polling:IdlePollInterval"] = "00:00:01",
            // A fresh key per run: the demo's tokens never outlive the process.
            ["Baton:Agent:Continuation:Keys:0:Id"] = "1",
            ["Baton:Agent:Continuation:Keys:0:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(timeProvider);
        builder.Services.AddSingleton(steps);
        builder.Services.AddSingleton<IJobJournal>(new InMemoryJobJournal());
        builder.Services.AddSingleton<IClientTokenProvider>(clients);
        builder.Services.AddSingleton<ILoadTestAccountResolver>(clients);
        builder.Services.AddLoadTestHandler(options => options.ServiceUrl = service);
        builder.Services.Configure<ArtifactOptions>(options =>
        {
            options.ServiceUrl = emulator;
            options.Region = DemoServices.Region;
            options.WorkDirectory = Path.Combine(stateDirectory.FullName, "artifacts");
        });
        builder.Services.AddBatonAgent(builder.Configuration)
            .AddHandler<DemoStepRecorder>(Hosting.AgentCommand.DefaultActionType, handler => handler.MaxConcurrency = 2)
            .ConfigureCodePipelineClient(client =>
            {
                client.EndpointUrl = emulator;
                client.Region = DemoServices.Region;
                client.Credentials = credentials;
            });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            stateDirectory.Delete(recursive: true);
            throw;
        }

        return new DemoAgent(host, stateDirectory);
    }

    /// <summary>Stops the agent (handing back any running step) and deletes its state directory.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
            _stateDirectory.Refresh();
            if (_stateDirectory.Exists)
            {
                _stateDirectory.Delete(recursive: true);
            }
        }
    }
}
