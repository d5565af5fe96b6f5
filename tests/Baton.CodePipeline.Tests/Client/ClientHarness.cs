using Baton.CodePipeline.Client;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Client;

/// <summary>A scripted server, a fake clock, a recording logger and a client pointed at them.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public static readonly AwsCredentials Credentials = new("AKIDBATONTEST", "baton/test+secret/key/EXAMPLEKEY");

    public static readonly ActionTypeId ProbeActionType = new()
    {
        Category = "Test",
        Owner = "Custom",
        Provider = "BatonProbe",
        Version = "1",
    };

    private ClientHarness(ScriptedCodePipelineServer server, HttpClient httpClient, CodePipelineClientOptions options, double jitter)
    {
        Server = server;
        HttpClient = httpClient;
        var endpoint = CodePipelineEndpointResolver.Resolve(options, new FakeAwsEnvironment());
        Client = new CodePipelineClient(httpClient, options, endpoint, Clock, () => jitter, Logger);
    }

    public ScriptedCodePipelineServer Server { get; }

    public HttpClient HttpClient { get; }

    public BackoffClock Clock { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public CodePipelineClient Client { get; }

    public static PollForJobsRequest PollRequest => new() { ActionTypeId = ProbeActionType, MaxBatchSize = 1 };

    /// <summary>Starts a server and a client; jitter 0.5 makes each wait exactly half its backoff ceiling.</summary>
    public static async Task<ClientHarness> StartAsync(
        Action<CodePipelineClientOptions>? configure = null, double jitter = 0.5, TimeSpan? httpTimeout = null)
    {
        var server = await ScriptedCodePipelineServer.StartAsync();
        var options = new CodePipelineClientOptions { Region = "us-east-1", EndpointUrl = server.Url, Credentials = Credentials };
        configure?.Invoke(options);
        var httpClient = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) };
        return new ClientHarness(server, httpClient, options, jitter);
    }

    public async ValueTask DisposeAsync()
    {
        HttpClient.Dispose();
        await Server.DisposeAsync();
    }
}
