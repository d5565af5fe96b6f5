using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Admin;
using Baton.Emulator.Hosting;
using Baton.Emulator.S3;
using Baton.Emulator.ThirdParty;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// The Baton emulator in-process on 127.0.0.1 (a free port, real clock, timers every 50 ms) and a
/// CodePipeline client for the test's own calls, which retries often enough to see through injected
/// throttling. Agents reach it over HTTP like any other client.
/// </summary>
internal sealed class E2eEmulator : IAsyncDisposable
{
    public const string AccessKey = "test";
    public const string SecretKey = "test";
    public const string Region = "us-east-1";
    public const string SourceBucket = "e2e-source";
    public const string ArtifactBucket = "e2e-artifacts";

    private E2eEmulator(WebApplication app)
    {
        App = app;
        Endpoint = EmulatorHost.GetEndpoint(app);
        Http = new HttpClient { BaseAddress = Endpoint };
        Client = new CodePipelineClient(
            new HttpClient(),
            new CodePipelineClientOptions
            {
                Region = Region,
                EndpointUrl = Endpoint,
                Credentials = new AwsCredentials(AccessKey, SecretKey),
                MaxAttempts = 10,
                BaseDelay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromMilliseconds(100),
            },
            TimeProvider.System,
            () => 0.5);
    }

    public WebApplication App { get; }

    public Uri Endpoint { get; }

    public HttpClient Http { get; }

    public CodePipelineClient Client { get; }

    public EmulatedS3 S3 => App.Services.GetRequiredService<EmulatedS3>();

    public static async Task<E2eEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions
        {
            Port = 0,
            AccessKey = AccessKey,
            SecretKey = SecretKey,
            Region = Region,
            RandomSeed = 4242,
            TimerInterval = TimeSpan.FromMilliseconds(50),
            AckTimeout = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        var builder = EmulatorHost.CreateBuilder(options);
        builder.Logging.ClearProviders();
        var app = EmulatorHost.BuildApp(builder);
        await app.StartAsync();
        return new E2eEmulator(app);
    }

    public async Task CreateCustomActionTypeAsync(CreateCustomActionTypeRequest definition) =>
        await Client.CreateCustomActionTypeAsync(definition);

    /// <summary>Registers a ThirdParty action type through the admin API, as a partner would be onboarded.</summary>
    public async Task RegisterThirdPartyActionTypeAsync(CreateCustomActionTypeRequest definition)
    {
        using var content = new StringContent(CodePipelineJson.Serialize(definition), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("/_baton/third-party-action-types", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The clientId/clientToken pair CodePipeline issued for the pipeline's (only) third-party action.</summary>
    public async Task<ThirdPartyClient> ThirdPartyClientAsync(string pipelineName) => Assert.Single(await ThirdPartyClientsAsync(pipelineName));

    /// <summary>The clientId/clientToken pairs of every third-party action of the pipeline.</summary>
    public async Task<IReadOnlyList<ThirdPartyClient>> ThirdPartyClientsAsync(string pipelineName) =>
        (await Http.GetFromJsonAsync<List<ThirdPartyClient>>($"/_baton/third-party-clients?pipeline={pipelineName}", JsonSerializerOptions.Web))!;

    /// <summary>Agent configuration with the client token of every third-party action of the pipeline.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string?>>> ClientTokenConfigurationAsync(string pipelineName) =>
        [.. (await ThirdPartyClientsAsync(pipelineName)).Select(c => new KeyValuePair<string, string?>($"Baton:Agent:ClientTokens:{c.ClientId}", c.ClientToken))];

    public async Task CreatePipelineAsync(PipelineDeclaration pipeline) =>
        await Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = pipeline });

    public async Task PutSourceAsync(byte[] zip, string key = E2ePipelines.SourceKey)
    {
        await S3.EnsureBucketAsync(SourceBucket);
        using var stream = new MemoryStream(zip);
        await S3.PutObjectAsync(SourceBucket, key, stream);
    }

    public async Task<string> StartExecutionAsync(string pipelineName) =>
        (await Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = pipelineName })).PipelineExecutionId!;

    /// <summary>Polls the execution until it leaves InProgress; fails with the action states when the deadline passes.</summary>
    public async Task<PipelineExecution> WaitForExecutionAsync(string pipelineName, string executionId, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        PipelineExecution? execution = null;
        var finished = await Eventually.TryWaitAsync(
            async () =>
            {
                execution = (await Client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = pipelineName, PipelineExecutionId = executionId })).PipelineExecution!;
                return execution.Status is not (PipelineExecutionStatus.InProgress or PipelineExecutionStatus.Stopping);
            },
            timeout);
        Assert.True(
            finished,
            $"Execution {executionId} of {pipelineName} did not finish within {timeout.TotalSeconds:0} s (status {execution?.Status}); "
            + $"actions: {await DescribeActionsAsync(pipelineName)}{diagnostics?.Invoke()}");
        return execution!;
    }

    public async Task<ActionState> ActionStateAsync(string pipelineName, string stageName, string actionName)
    {
        var state = await Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = pipelineName });
        return state.StageStates!.Single(s => s.StageName == stageName).ActionStates!.Single(a => a.ActionName == actionName);
    }

    public async Task<ActionExecutionDetail> ActionExecutionAsync(string pipelineName, string executionId, string actionName)
    {
        var list = await Client.ListActionExecutionsAsync(new ListActionExecutionsRequest
        {
            PipelineName = pipelineName,
            Filter = new ActionExecutionFilter { PipelineExecutionId = executionId },
        });
        return list.ActionExecutionDetails!.Single(a => a.ActionName == actionName);
    }

    /// <summary>Adds a fault rule through the admin API (<c>POST /_baton/faults</c>).</summary>
    public async Task AddFaultAsync(object rule)
    {
        using var response = await Http.PostAsJsonAsync("/_baton/faults", rule);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public IReadOnlyDictionary<string, OperationMetrics> Metrics() => App.Services.GetRequiredService<EmulatorMetrics>().Snapshot();

    public async Task<byte[]> ReadObjectAsync(string bucket, string key)
    {
        await using var opened = await S3.GetObjectAsync(bucket, key);
        using var buffer = new MemoryStream();
        await opened.Content.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private async Task<string> DescribeActionsAsync(string pipelineName)
    {
        try
        {
            var state = await Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = pipelineName });
            return string.Join("; ", state.StageStates!.SelectMany(s => s.ActionStates!).Select(a =>
                $"{a.ActionName}={a.LatestExecution?.Status} {a.LatestExecution?.PercentComplete}% '{a.LatestExecution?.Summary}' {a.LatestExecution?.ErrorDetails?.Message}"));
        }
        catch (Exception ex) when (ex is HttpRequestException or CodePipeline.CodePipelineServiceException)
        {
            return "(state unavailable: " + ex.Message + ")";
        }
    }
}
