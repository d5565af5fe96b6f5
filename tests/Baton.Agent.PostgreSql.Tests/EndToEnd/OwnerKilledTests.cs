using Baton.Agent.Handlers;
using Baton.Agent.PostgreSql.Tests.Infrastructure;
using Baton.CodePipeline.Model;
using Baton.Emulator.Hosting;
using Baton.Emulator.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.PostgreSql.Tests.EndToEnd;

/// <summary>
/// Two agents share one PostgreSQL journal against the emulator (real HTTP, real clock). The agent
/// that acknowledged a job dies without reporting it; the other adopts the job once the lease
/// expires, re-runs the step and the execution succeeds before the job times out.
/// </summary>
public sealed class OwnerKilledTests : IAsyncLifetime
{
    private const string Pipeline = "shop";
    private readonly string _state = Path.Combine(Path.GetTempPath(), "baton-pg-agents-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private WebApplication _emulator = null!;
    private readonly HttpClient _http = new();
    private CodePipeline.CodePipelineClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var options = new EmulatorOptions { Port = 0, JobTimeout = TimeSpan.FromMinutes(2), RandomSeed = 7 };
        var builder = EmulatorHost.CreateBuilder(options);
        builder.Logging.ClearProviders();
        _emulator = EmulatorHost.BuildApp(builder);
        await _emulator.StartAsync();
        _client = new CodePipeline.CodePipelineClient(
            _http,
            new CodePipeline.Client.CodePipelineClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = EmulatorHost.GetEndpoint(_emulator),
                Credentials = new CodePipeline.Signing.AwsCredentials("test", "test"),
            },
            TimeProvider.System,
            () => 0.5);
        await CreatePipelineAsync();
    }

    [Fact]
    public async Task OwnerKilledAfterAcknowledging_PeerAdoptsReRunsAndTheExecutionSucceeds()
    {
        var neverReturns = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ownerHandler = new ScriptedHandler((_, _) => neverReturns.Task);
        var peerHandler = new ScriptedHandler((_, _) => Task.FromResult(StepResult.Succeed("adopted and finished")));
        var ownerSignals = new AgentSignals();
        var peerSignals = new AgentSignals();
        var owner = TestAgentHost.Build("agent-owner", Path.Combine(_state, "owner"), EmulatorHost.GetEndpoint(_emulator), _database, ownerHandler, ownerSignals);
        using var peer = TestAgentHost.Build("agent-peer", Path.Combine(_state, "peer"), EmulatorHost.GetEndpoint(_emulator), _database, peerHandler, peerSignals);

        await owner.StartAsync();
        var executionId = (await _client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = Pipeline })).PipelineExecutionId!;
        var acknowledged = await ownerHandler.Started.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("agent-owner", await _database.ScalarAsync<string>($"SELECT agent_id FROM {{table}} WHERE job_id = '{acknowledged.JobId}'"));

        // The peer runs alongside; the owner then dies: no stop, no drain, no report, no more renewals.
        await peer.StartAsync();
        await ((IAsyncDisposable)owner).DisposeAsync();

        var report = await peerSignals.FirstReport.WaitAsync(TimeSpan.FromSeconds(30));
        var rerun = await peerHandler.Started;
        Assert.Equal("Reported Succeeded.", report);
        Assert.Equal(acknowledged.JobId, rerun.JobId);
        Assert.Equal(acknowledged.IdempotencyKey, rerun.IdempotencyKey);
        Assert.Contains("from agent agent-owner", Assert.Single(peerSignals.Adoptions), StringComparison.Ordinal);
        Assert.False(ownerSignals.FirstReport.IsCompleted);

        var execution = await _client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = Pipeline, PipelineExecutionId = executionId });
        Assert.Equal("Succeeded", execution.PipelineExecution!.Status);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM {table}"));
        await peer.StopAsync();
    }

    private async Task CreatePipelineAsync()
    {
        var s3 = _emulator.Services.GetRequiredService<EmulatedS3>();
        await s3.EnsureBucketAsync("source-bucket");
        await s3.PutObjectAsync("source-bucket", "app.zip", new MemoryStream([1, 2, 3]));
        await _client.CreateCustomActionTypeAsync(new CreateCustomActionTypeRequest
        {
            Category = ActionCategory.Test,
            Provider = "BatonTest",
            Version = "1",
            Settings = new ActionTypeSettings { ExecutionUrlTemplate = "https://checks.example/runs/{ExternalExecutionId}" },
            InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
            OutputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
        });
        await _client.CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = new PipelineDeclaration
            {
                Name = Pipeline,
                RoleArn = "arn:aws:iam::123456789012:role/pipeline",
                ArtifactStore = new ArtifactStore { Type = "S3", Location = "artifact-bucket" },
                Stages =
                [
                    new StageDeclaration
                    {
                        Name = "Source",
                        Actions =
                        [
                            new ActionDeclaration
                            {
                                Name = "Fetch",
                                ActionTypeId = new ActionTypeId { Category = ActionCategory.Source, Owner = ActionOwner.Aws, Provider = "S3", Version = "1" },
                                Configuration = new Dictionary<string, string> { ["S3Bucket"] = "source-bucket", ["S3ObjectKey"] = "app.zip", ["PollForSourceChanges"] = "false" },
                                OutputArtifacts = [new OutputArtifact { Name = "SourceOutput" }],
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
                                Name = "Check",
                                ActionTypeId = new ActionTypeId { Category = ActionCategory.Test, Owner = ActionOwner.Custom, Provider = "BatonTest", Version = "1" },
                                InputArtifacts = [new InputArtifact { Name = "SourceOutput" }],
                            },
                        ],
                    },
                ],
            },
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.StopAsync();
        await _emulator.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
