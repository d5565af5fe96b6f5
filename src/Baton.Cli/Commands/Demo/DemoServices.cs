using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Hosting;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// The three servers of the demo, each on a free port of 127.0.0.1 in this process: the emulator
/// (in memory, SigV4 checked with the credentials <c>test</c>/<c>test</c>), the load-test service
/// (in memory, the demo account) and the sample target app. Their own logs are off: the demo's
/// lines are the story.
/// </summary>
internal sealed class DemoServices : IAsyncDisposable
{
    /// <summary>The region the emulator pretends to be.</summary>
    public const string Region = "us-east-1";

    private readonly List<WebApplication> _apps = [];

    private DemoServices()
    {
    }

    /// <summary>The credentials the emulator accepts.</summary>
    public AwsCredentials Credentials { get; } = new("test", "test");

    /// <summary>The emulator's CodePipeline + S3 endpoint.</summary>
    public Uri Emulator { get; private set; } = null!;

    /// <summary>The emulator's web console.</summary>
    public Uri Console => new(Emulator, "/console");

    /// <summary>The load-test service's base URL.</summary>
    public Uri Service { get; private set; } = null!;

    /// <summary>The sample app's base URL.</summary>
    public Uri Target { get; private set; } = null!;

    /// <summary>The sign-up connections the load-test service stored (client id → token, account).</summary>
    public ConnectedClients Clients { get; private set; } = null!;

    /// <summary>Starts the emulator, the load-test service and the sample app.</summary>
    /// <param name="timeProvider">The clock the sample app waits on.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<DemoServices> StartAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var services = new DemoServices();
        try
        {
            var emulator = EmulatorHost.CreateBuilder(new EmulatorOptions
            {
                Port = 0,
                Region = Region,
                AccessKey = services.Credentials.AccessKeyId,
                SecretKey = services.Credentials.SecretAccessKey,
            });
            emulator.Logging.ClearProviders();
            var emulatorApp = await services.StartAsync(EmulatorHost.BuildApp(emulator), cancellationToken);
            services.Emulator = EmulatorHost.GetEndpoint(emulatorApp);

            var service = LoadTestService.CreateBuilder(new LoadTestServiceOptions { Port = 0, InMemory = true });
            service.Logging.ClearProviders();
            var serviceApp = await services.StartAsync(LoadTestService.BuildApp(service), cancellationToken);
            services.Service = LoadTestService.GetServiceUrl(serviceApp);
            services.Clients = serviceApp.Services.GetRequiredService<ConnectedClients>();

            services._apps.Add(await DemoTargetApp.StartAsync(timeProvider, cancellationToken));
            services.Target = DemoTargetApp.BaseUrl(services._apps[^1]);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>A CodePipeline client for the emulator.</summary>
    /// <param name="http">The HTTP client to send with.</param>
    /// <param name="timeProvider">The clock for signing.</param>
    public CodePipelineClient CreateClient(HttpClient http, TimeProvider timeProvider) => new(
        http,
        new CodePipelineClientOptions { EndpointUrl = Emulator, Region = Region, Credentials = Credentials },
        timeProvider,
        () => 0.5);

    /// <summary>Stops the servers, the last started first.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            await _apps[i].StopAsync(CancellationToken.None);
            await _apps[i].DisposeAsync();
        }

        _apps.Clear();
    }

    private async Task<WebApplication> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        _apps.Add(app);
        await app.StartAsync(cancellationToken);
        return app;
    }
}
