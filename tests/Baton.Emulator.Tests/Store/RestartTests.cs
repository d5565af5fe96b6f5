using System.Net;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Store;

public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "baton-emulator-test-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Restart_WithDataDirMidExecution_KeepsExecutionQueuedJobAndArtifacts()
    {
        string executionId;
        await using (var before = await StartAsync())
        {
            await before.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "persisted zip");
            await before.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
            await before.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("shop", Pipelines.LoadTestType()) });
            executionId = (await before.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" })).PipelineExecutionId!;
        }

        await using var after = await StartAsync();
        var execution = await after.Client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = "shop", PipelineExecutionId = executionId });
        Assert.Equal("InProgress", execution.PipelineExecution!.Status);
        var job = Assert.Single((await after.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
        Assert.Equal(executionId, job.Data!.PipelineContext!.PipelineExecutionId);
        var input = job.Data.InputArtifacts![0].Location!.S3Location!;
        var credentials = job.Data.ArtifactCredentials!;
        using var read = await after.SendS3Async(HttpMethod.Get, input.BucketName, input.ObjectKey,
            new AwsCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("persisted zip", await read.Content.ReadAsStringAsync());
        await after.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });
        await after.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id! });
        execution = await after.Client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = "shop", PipelineExecutionId = executionId });
        Assert.Equal("Succeeded", execution.PipelineExecution!.Status);
    }

    [Fact]
    public async Task Restart_AfterAcknowledge_JobStaysInProgressAndAcceptsItsResult()
    {
        Job job;
        await using (var before = await StartAsync())
        {
            await before.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip");
            await before.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
            await before.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("shop", Pipelines.LoadTestType()) });
            await before.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" });
            job = Assert.Single((await before.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
            await before.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });
            await before.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest
            {
                JobId = job.Id!,
                ContinuationToken = "resume-here",
                ExecutionDetails = new ExecutionDetails { ExternalExecutionId = "run-1", PercentComplete = 50 },
            });
        }

        await using var after = await StartAsync();
        var next = Assert.Single((await after.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
        Assert.Equal("resume-here", next.Data!.ContinuationToken);
        Assert.NotEqual(job.Id, next.Id);
        var state = await after.Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "shop" });
        Assert.Equal(50, state.StageStates![1].ActionStates![0].LatestExecution!.PercentComplete);
        Assert.Equal("****", (await after.Client.GetPipelineAsync(new GetPipelineRequest { Name = "shop" })).Pipeline!.Stages[1].Actions[0].Configuration!["ApiKey"]);
        Assert.Equal("s3cret", next.Data.ActionConfiguration!.Configuration!["ApiKey"]);
    }

    private Task<TestEmulator> StartAsync() => TestEmulator.StartAsync(o => o.DataDirectory = _dataDirectory, _time);
}
