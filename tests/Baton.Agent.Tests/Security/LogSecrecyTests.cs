using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Baton.Agent.Artifacts;
using Baton.Agent.Hosting;
using Baton.Agent.Jobs;
using Baton.Agent.Journal;
using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Hosting;
using Baton.Emulator.S3;
using Baton.Emulator.ThirdParty;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Handler;
using Baton.LoadTest.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Tests.Security;

/// <summary>
/// A full third-party run in one process — emulator, load-test service with its sign-up
/// handshake, and the agent with the load-test handler — with every log of all three captured at
/// Trace level. None of the secrets that moved (the client token, each job's artifact secret key
/// and session token, the secret ApiKey configuration value, the continuation key, the emulator's
/// secret key) appears in any message, structured value, scope or exception.
/// </summary>
public sealed class LogSecrecyTests : IAsyncLifetime
{
    private const string ApiKey = "alpha-secret-api-key-7f3c91";
    private const string EmulatorSecret = "emulator-secret-key-5d2e";
    private static readonly string _continuationKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 5)).ToArray());

    private readonly CapturingLoggerProvider _logs = new();
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly string _state = Directory.CreateTempSubdirectory("baton-log-secrecy-").FullName;
    private WebApplication _emulator = null!;
    private WebApplication _service = null!;
    private IHost? _agent;

    public async Task InitializeAsync()
    {
        var emulator = EmulatorHost.CreateBuilder(new EmulatorOptions { Port = 0, AccessKey = "AKIABATONTEST", SecretKey = EmulatorSecret, Region = "us-east-1" });
        Capture(emulator.Logging);
        _emulator = EmulatorHost.BuildApp(emulator);
        await _emulator.StartAsync();

        var service = LoadTestService.CreateBuilder(new LoadTestServiceOptions { Port = 0, InMemory = true, Accounts = [new LoadTestAccount("alpha", ApiKey)] });
        Capture(service.Logging);
        _service = LoadTestService.BuildApp(service);
        await _service.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.StopAsync();
            _agent.Dispose();
        }

        await _service.StopAsync();
        await _service.DisposeAsync();
        await _emulator.StopAsync();
        await _emulator.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task ThirdPartyRun_AllLogsOfAllParts_HoldNoSecret()
    {
        var endpoint = EmulatorHost.GetEndpoint(_emulator);
        var serviceUrl = LoadTestService.GetServiceUrl(_service);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        await SetUpPipelineAsync(browser, endpoint, serviceUrl);
        await ConnectAsync(browser, endpoint);
        _agent = await StartAgentAsync(endpoint, serviceUrl);

        await Signed(endpoint).StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" });
        await _logs.WaitForAsync("Reported Succeeded.", TimeSpan.FromSeconds(60));

        var secrets = new Dictionary<string, string>(_secrets)
        {
            [ApiKey] = "secret configuration value ApiKey",
            [_continuationKey] = "continuation key",
            [EmulatorSecret] = "emulator secret key",
        };
        Assert.Contains("clientToken", secrets.Values);
        Assert.Contains("secretAccessKey", secrets.Values);
        Assert.Contains("sessionToken", secrets.Values);
        Assert.True(_logs.Entries.Count > 20, $"only {_logs.Entries.Count} log entries were captured");
        var leaks = _logs.Entries.SelectMany(entry => secrets.Where(s => entry.Contains(s.Key, StringComparison.Ordinal)).Select(s => $"{s.Value} in: {entry}")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private void Capture(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddProvider(_logs);
        logging.SetMinimumLevel(LogLevel.Trace);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Trace);
    }

    // Baton's own client with the emulator's credentials, for the test's setup calls.
    private static CodePipelineClient Signed(Uri endpoint) => new(
        new HttpClient(),
        new CodePipelineClientOptions { Region = "us-east-1", EndpointUrl = endpoint, Credentials = new AwsCredentials("AKIABATONTEST", EmulatorSecret), MaxAttempts = 1 },
        TimeProvider.System,
        () => 0.5);

    private async Task SetUpPipelineAsync(HttpClient browser, Uri endpoint, Uri serviceUrl)
    {
        var s3 = _emulator.Services.GetRequiredService<EmulatedS3>();
        await s3.EnsureBucketAsync("baton-source");
        await s3.PutObjectAsync("baton-source", "app.zip", new MemoryStream("zip"u8.ToArray()));
        using var registered = await browser.PostAsync(
            new Uri(endpoint, "/_baton/third-party-action-types"),
            new StringContent(LoadTestActionType.DefinitionJson(serviceUrl), System.Text.Encoding.UTF8, "application/json"));
        registered.EnsureSuccessStatusCode();
        await Signed(endpoint).CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = new PipelineDeclaration
            {
                Name = "shop",
                RoleArn = "arn:aws:iam::123456789012:role/baton",
                ArtifactStore = new ArtifactStore { Type = ArtifactStoreType.S3, Location = "baton-artifacts" },
                Stages =
                [
                    new StageDeclaration
                    {
                        Name = "Source",
                        Actions =
                        [
                            new ActionDeclaration
                            {
                                Name = "Source",
                                ActionTypeId = new ActionTypeId { Category = ActionCategory.Source, Owner = ActionOwner.Aws, Provider = "S3", Version = "1" },
                                Configuration = new Dictionary<string, string> { ["S3Bucket"] = "baton-source", ["S3ObjectKey"] = "app.zip", ["PollForSourceChanges"] = "false" },
                                OutputArtifacts = [new CodePipeline.Model.OutputArtifact { Name = "SourceOutput" }],
                            },
                        ],
                    },
                    new StageDeclaration
                    {
                        Name = "Test",
                        Actions =
                        [
                            new ActionDeclaration
                            {
                                Name = "LoadTest",
                                ActionTypeId = LoadTestActionType.ThirdParty,
                                Configuration = new Dictionary<string, string>
                                {
                                    ["TargetUrl"] = new Uri(serviceUrl, "/").AbsoluteUri,
                                    ["Duration"] = "1s",
                                    ["Rate"] = "5",
                                    ["ApiKey"] = ApiKey,
                                },
                                InputArtifacts = [new CodePipeline.Model.InputArtifact { Name = "SourceOutput" }],
                            },
                        ],
                    },
                ],
            },
        });
    }

    // The console's "connect" step: the emulator hands the client id and token to the sign-up page, which maps them to the account.
    private static async Task ConnectAsync(HttpClient browser, Uri endpoint)
    {
        using var started = await browser.PostAsJsonAsync(new Uri(endpoint, "/_baton/third-party-handshakes"), new { pipelineName = "shop", actionName = "LoadTest" });
        var start = (await started.Content.ReadFromJsonAsync<HandshakeStart>(JsonSerializerOptions.Web))!;
        var signup = new Uri(start.ConfigurationUrl);
        using var arrival = await browser.PostAsync(signup, new FormUrlEncodedContent(new Dictionary<string, string> { ["request"] = start.Request }));
        arrival.EnsureSuccessStatusCode();
        using var submitted = await browser.PostAsync(signup, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["request"] = start.Request,
            ["step"] = "connect",
            ["apiKey"] = ApiKey,
            ["TargetUrl"] = new Uri(signup, "/").AbsoluteUri,
            ["Duration"] = "1s",
            ["Rate"] = "5",
        }));
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, submitted.StatusCode);
        using var returned = await browser.GetAsync(new Uri(signup, submitted.Headers.Location!));
        returned.EnsureSuccessStatusCode();
    }

    private async Task<IHost> StartAgentAsync(Uri endpoint, Uri serviceUrl)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Baton:Agent:AgentId"] = "log-secrecy-agent",
            ["Baton:Agent:StateDirectory"] = _state,
            ["Baton:Agent:Polling:IdlePollStart"] = "00:00:00.100",
            ["Baton:Agent:Polling:IdlePollInterval"] = "00:00:00.250",
            ["Baton:Agent:Continuation:Keys:0:Id"] = "1",
            ["Baton:Agent:Continuation:Keys:0:Key"] = _continuationKey,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddLogging(logging => Capture(logging));
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new SecretRecorder(_secrets)));
        var clients = _service.Services.GetRequiredService<ConnectedClients>();
        builder.Services.AddSingleton<IJobJournal>(new InMemoryJobJournal());
        builder.Services.AddSingleton<IClientTokenProvider>(clients);
        builder.Services.AddSingleton<ILoadTestAccountResolver>(clients);
        builder.Services.AddLoadTestHandler(options =>
        {
            options.ServiceUrl = serviceUrl;
            options.MaxCheckInterval = TimeSpan.FromSeconds(1);
        });
        builder.Services.Configure<ArtifactOptions>(options =>
        {
            options.ServiceUrl = endpoint;
            options.Region = "us-east-1";
            options.WorkDirectory = Path.Combine(_state, "artifacts");
        });
        builder.Services.AddBatonAgent(builder.Configuration)
            .AddHandler<LoadTestHandler>("Test/ThirdParty/BatonLoadTest/1")
            .ConfigureCodePipelineClient(client =>
            {
                client.EndpointUrl = endpoint;
                client.Region = "us-east-1";
                client.Credentials = new AwsCredentials("AKIABATONTEST", EmulatorSecret);
            });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
