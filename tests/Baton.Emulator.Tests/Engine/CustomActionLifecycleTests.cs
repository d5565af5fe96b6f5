using System.Net;
using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Engine;

public sealed class CustomActionLifecycleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(time: _time);
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip bytes");
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task ContinuationChain_TwoContinuationsThenFinalSuccess_SucceedsWithNewJobIdsAndCarriedTokens()
    {
        var client = _emulator.Client;
        await client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("shop", Pipelines.LoadTestType()) });
        var executionId = (await client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" })).PipelineExecutionId;

        var first = await PollOneAsync();
        Assert.Null(first.Data!.ContinuationToken);
        Assert.Equal("shop", first.Data.PipelineContext!.PipelineName);
        Assert.Equal(executionId, first.Data.PipelineContext.PipelineExecutionId);
        Assert.Equal("s3cret", first.Data.ActionConfiguration!.Configuration!["ApiKey"]);
        Assert.Matches("^[0-9a-f]{32}$", first.Data.ActionConfiguration.Configuration["Target"]);
        Assert.Equal("SourceOutput", Assert.Single(first.Data.InputArtifacts!).Name);
        Assert.Equal("Report", Assert.Single(first.Data.OutputArtifacts!).Name);
        Assert.Equal("InProgress", (await client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = first.Id!, Nonce = first.Nonce! })).Status);
        await client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest
        {
            JobId = first.Id!,
            ContinuationToken = "step-1",
            ExecutionDetails = new ExecutionDetails { ExternalExecutionId = "run-42", PercentComplete = 10, Summary = "started" },
        });

        var state = await ActionStateAsync();
        Assert.Equal("InProgress", state.LatestExecution!.Status);
        Assert.Equal(10, state.LatestExecution.PercentComplete);
        Assert.Equal("https://loadtest.example/projects/shop/runs/run-42", state.LatestExecution.ExternalExecutionUrl);
        Assert.Equal("https://loadtest.example/projects/shop", state.EntityUrl);

        var second = await PollOneAsync();
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("step-1", second.Data!.ContinuationToken);
        Assert.Equal(first.Data.PipelineContext.Action!.ActionExecutionId, second.Data.PipelineContext!.Action!.ActionExecutionId);
        await client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = second.Id!, Nonce = second.Nonce! });
        await client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest
        {
            JobId = second.Id!,
            ContinuationToken = "step-2",
            ExecutionDetails = new ExecutionDetails { PercentComplete = 60, Summary = "running" },
        });
        Assert.Equal(60, (await ActionStateAsync()).LatestExecution!.PercentComplete);

        var third = await PollOneAsync();
        Assert.NotEqual(second.Id, third.Id);
        Assert.Equal("step-2", third.Data!.ContinuationToken);
        await client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = third.Id!, Nonce = third.Nonce! });
        await client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest
        {
            JobId = third.Id!,
            ExecutionDetails = new ExecutionDetails { PercentComplete = 100, Summary = "PASSED" },
            OutputVariables = new Dictionary<string, string> { ["Result"] = "PASSED" },
        });

        var execution = await client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = "shop", PipelineExecutionId = executionId! });
        Assert.Equal("Succeeded", execution.PipelineExecution!.Status);
        var final = await ActionStateAsync();
        Assert.Equal("Succeeded", final.LatestExecution!.Status);
        Assert.Equal("PASSED", final.LatestExecution.Summary);
        Assert.Equal("https://loadtest.example/projects/shop/runs/run-42", final.LatestExecution.ExternalExecutionUrl);
        var actions = await client.ListActionExecutionsAsync(new ListActionExecutionsRequest
        {
            PipelineName = "shop",
            Filter = new ActionExecutionFilter { PipelineExecutionId = executionId },
        });
        var loadTest = actions.ActionExecutionDetails!.Single(a => a.ActionName == "LoadTest");
        Assert.Equal("PASSED", loadTest.Output!.OutputVariables!["Result"]);
        Assert.Equal("****", loadTest.Input!.Configuration!["ApiKey"]);
        Assert.Empty((await client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
    }

    [Fact]
    public async Task PutJobSuccessResult_JobAlreadySucceeded_ThrowsInvalidJobState()
    {
        var job = await StartAndPollAsync();
        await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id! });

        var error = await Assert.ThrowsAsync<InvalidJobStateException>(() =>
            _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id! }));
        Assert.Contains("already Succeeded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutJobSuccessResult_OutputVariablesWithContinuationToken_ThrowsValidation()
    {
        var job = await StartAndPollAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest
        {
            JobId = job.Id!,
            ContinuationToken = "more",
            OutputVariables = new Dictionary<string, string> { ["A"] = "b" },
        }));
        Assert.Contains("outputVariables can only be set when continuationToken is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutJobFailureResult_JobFails_ActionAndExecutionFailWithErrorDetails()
    {
        var job = await StartAndPollAsync();
        await _emulator.Client.PutJobFailureResultAsync(new PutJobFailureResultRequest
        {
            JobId = job.Id!,
            FailureDetails = new FailureDetails { Type = FailureType.JobFailed, Message = "p95 was 900ms", ExternalExecutionId = "run-7" },
        });

        var state = await ActionStateAsync();
        Assert.Equal("Failed", state.LatestExecution!.Status);
        Assert.Equal("JobFailed", state.LatestExecution.ErrorDetails!.Code);
        Assert.Equal("p95 was 900ms", state.LatestExecution.ErrorDetails.Message);
        Assert.Equal("https://loadtest.example/projects/shop/runs/run-7", state.LatestExecution.ExternalExecutionUrl);
        var executions = await _emulator.Client.ListPipelineExecutionsAsync(new ListPipelineExecutionsRequest { PipelineName = "shop" });
        Assert.Equal("Failed", Assert.Single(executions.PipelineExecutionSummaries!).Status);
        await Assert.ThrowsAsync<InvalidJobStateException>(() => _emulator.Client.PutJobFailureResultAsync(new PutJobFailureResultRequest
        {
            JobId = job.Id!,
            FailureDetails = new FailureDetails { Type = FailureType.JobFailed, Message = "again" },
        }));
    }

    [Fact]
    public async Task ArtifactCredentials_JobKey_ReadsInputWritesOutputAndNothingElse()
    {
        var job = await StartAndPollAsync(acknowledge: false);
        var credentials = job.Data!.ArtifactCredentials!;
        var key = new AwsCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
        var input = job.Data.InputArtifacts![0].Location!.S3Location!;
        var output = job.Data.OutputArtifacts![0].Location!.S3Location!;

        using var read = await _emulator.SendS3Async(HttpMethod.Get, input.BucketName, input.ObjectKey, key);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("zip bytes", await read.Content.ReadAsStringAsync());
        using var write = await _emulator.SendS3Async(HttpMethod.Put, output.BucketName, output.ObjectKey, key, "report"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        using var other = await _emulator.SendS3Async(HttpMethod.Get, Pipelines.SourceBucket, Pipelines.SourceKey, key);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id! });
        using var afterwards = await _emulator.SendS3Async(HttpMethod.Get, input.BucketName, input.ObjectKey, key);
        Assert.Equal(HttpStatusCode.Forbidden, afterwards.StatusCode);
    }

    [Fact]
    public async Task SourceAction_ObjectMissing_ActionFailsWithClearMessage()
    {
        await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = Pipelines.SourceThenAction("missing", Pipelines.LoadTestType(), sourceKey: "nothing-here.zip"),
        });
        await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "missing" });

        var state = await _emulator.Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "missing" });
        var source = state.StageStates![0].ActionStates![0].LatestExecution!;
        Assert.Equal("Failed", source.Status);
        Assert.Contains("s3://source-bucket/nothing-here.zip does not exist", source.ErrorDetails!.Message, StringComparison.Ordinal);
        Assert.Equal("Failed", state.StageStates[0].LatestExecution!.Status);
    }

    private async Task<Job> StartAndPollAsync(bool acknowledge = true)
    {
        await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("shop", Pipelines.LoadTestType()) });
        await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" });
        var job = await PollOneAsync();
        if (acknowledge)
        {
            await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });
        }

        return job;
    }

    private async Task<Job> PollOneAsync()
    {
        var response = await _emulator.Client.PollForJobsAsync(new PollForJobsRequest
        {
            ActionTypeId = Pipelines.LoadTestType(),
            MaxBatchSize = 5,
            QueryParam = new Dictionary<string, string> { ["Project"] = "shop" },
        });
        return Assert.Single(response.Jobs!);
    }

    private async Task<ActionState> ActionStateAsync()
    {
        var state = await _emulator.Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "shop" });
        return state.StageStates!.Single(s => s.StageName == "Test").ActionStates!.Single();
    }
}
