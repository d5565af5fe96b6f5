using System.IO.Compression;
using System.Net;
using Baton.Agent.Hosting;
using Baton.Agent.Jobs;
using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Hosting;
using Baton.Emulator.S3;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Handler;
using Baton.LoadTest.Hosting;
using Baton.LoadTest.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Baton.LoadTest.Tests.EndToEnd;

/// <summary>
/// Everything of the load-test action in one process, all on 127.0.0.1 over real HTTP: the
/// emulator (CodePipeline, S3, console), the load-test service with two accounts, a small target
/// app, and an agent host running <see cref="LoadTestHandler"/> for <c>Test/ThirdParty/BatonLoadTest/1</c>.
/// The action type is registered through the emulator's admin API with the service's URL; the
/// agent finds client tokens and account keys in the service's store (the sign-up page fills it).
/// </summary>
public sealed class EndToEndStack : IAsyncDisposable
{
    public const string AccessKey = "test";
    public const string SecretKey = "test";
    public const string Region = "us-east-1";
    public const string SourceBucket = "source-bucket";
    public const string SourceKey = "app.zip";

    private readonly string _directory;
    private readonly List<IAsyncDisposable> _parts = [];

    private readonly Action<LoadTestHandlerOptions>? _handler;

    private EndToEndStack(string directory, Action<LoadTestHandlerOptions>? handler)
    {
        _directory = directory;
        _handler = handler;
    }

    public WebApplication Emulator { get; private set; } = null!;

    public Uri EmulatorUrl { get; private set; } = null!;

    public WebApplication Service { get; private set; } = null!;

    public Uri ServiceUrl { get; private set; } = null!;

    public TargetApp Target { get; private set; } = null!;

    public IHost Agent { get; private set; } = null!;

    /// <summary>Baton's own CodePipeline client, signed, pointed at the emulator.</summary>
    public CodePipelineClient CodePipeline { get; private set; } = null!;

    /// <summary>A client that does not follow redirects, so each hop of a handshake is seen.</summary>
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public ConnectedClients ConnectedClients => Service.Services.GetRequiredService<ConnectedClients>();

    /// <summary>Starts every part; <paramref name="handler"/> adjusts the agent's handler options.</summary>
    public static async Task<EndToEndStack> StartAsync(Action<LoadTestHandlerOptions>? handler = null)
    {
        var stack = new EndToEndStack(Directory.CreateTempSubdirectory("baton-e2e-").FullName, handler);
        try
        {
            await stack.StartPartsAsync();
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The agent first, so no step runs against a service that is going away.
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            await _parts[i].DisposeAsync();
        }

        Http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartPartsAsync()
    {
        Target = await TargetApp.StartAsync();
        _parts.Add(Target);

        var emulatorBuilder = EmulatorHost.CreateBuilder(new EmulatorOptions { Port = 0, AccessKey = AccessKey, SecretKey = SecretKey, Region = Region });
        emulatorBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        Emulator = EmulatorHost.BuildApp(emulatorBuilder);
        await Emulator.StartAsync();
        _parts.Add(new HostPart(Emulator));
        EmulatorUrl = EmulatorHost.GetEndpoint(Emulator);
        await SeedSourceAsync(Emulator.Services.GetRequiredService<EmulatedS3>());

        var serviceBuilder = LoadTestService.CreateBuilder(new LoadTestServiceOptions { Port = 0, InMemory = true, Accounts = [TestService.Alpha, TestService.Beta] });
        serviceBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        Service = LoadTestService.BuildApp(serviceBuilder);
        await Service.StartAsync();
        _parts.Add(new HostPart(Service));
        ServiceUrl = LoadTestService.GetServiceUrl(Service);

        var clientOptions = new CodePipelineClientOptions();
        ConfigureClient(clientOptions);
        CodePipeline = new CodePipelineClient(new HttpClient(), clientOptions, TimeProvider.System, () => 0.5);
        await RegisterActionTypeAsync();

        Agent = BuildAgent();
        await Agent.StartAsync();
        _parts.Add(new HostPart(Agent));
    }

    private void ConfigureClient(CodePipelineClientOptions options)
    {
        options.Region = Region;
        options.EndpointUrl = EmulatorUrl;
        options.Credentials = new AwsCredentials(AccessKey, SecretKey);
        options.MaxAttempts = 3;
        options.BaseDelay = TimeSpan.FromMilliseconds(100);
    }

    private static async Task SeedSourceAsync(EmulatedS3 s3)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("loadtest.txt").Open();
            await entry.WriteAsync("the application under test\n"u8.ToArray());
        }

        zip.Position = 0;
        await s3.EnsureBucketAsync(SourceBucket);
        await s3.PutObjectAsync(SourceBucket, SourceKey, zip);
    }

    // The action type exactly as shipped, with the service's URL, through the emulator's admin API.
    private async Task RegisterActionTypeAsync()
    {
        using var content = new StringContent(LoadTestActionType.DefinitionJson(ServiceUrl), System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(EmulatorUrl, "/_baton/third-party-action-types"), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering the action type answered {(int)response.StatusCode}: {body}");
    }

    private IHost BuildAgent()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Baton:Agent:StateDirectory"] = Path.Combine(_directory, "agent"),
            ["Baton:Agent:DrainTimeout"] = "00:00:02",
            ["Baton:Agent:Polling:IdlePollStart"] = "00:00:00.050",
            ["Baton:Agent:Polling:IdlePollInterval"] = "00:00:00.200",
            ["Baton:Agent:Artifacts:WorkDirectory"] = Path.Combine(_directory, "artifacts"),
            ["Baton:Agent:Artifacts:ServiceUrl"] = EmulatorUrl.ToString(),
        });
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        // In-process with the service, as `baton demo` runs: the sign-up page's store answers both questions.
        var connected = ConnectedClients;
        builder.Services.AddSingleton<IClientTokenProvider>(connected);
        builder.Services.AddSingleton<ILoadTestAccountResolver>(connected);
        builder.Services.AddLoadTestHandler(options =>
        {
            options.ServiceUrl = ServiceUrl;
            _handler?.Invoke(options);
        });
        builder.Services.AddBatonAgent()
            .AddHandler<LoadTestHandler>("Test/ThirdParty/BatonLoadTest/1", handler => handler.MaxConcurrency = 2)
            .ConfigureCodePipelineClient(ConfigureClient);
        return builder.Build();
    }

    private sealed class HostPart(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await host.StopAsync(timeout.Token);
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }
}
