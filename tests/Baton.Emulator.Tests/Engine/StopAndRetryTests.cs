using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Engine;

public sealed class StopAndRetryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private TestEmulator _emulator = null!;
    private string _executionId = null!;
    private Job _job = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(time: _time);
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip");
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("shop", Pipelines.LoadTestType()) });
        _executionId = (await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" })).PipelineExecutionId!;
        _job = Assert.Single((await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
        await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = _job.Id!, Nonce = _job.Nonce! });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task StopAndWait_RunningJob_ExecutionStopsWhenTheActionFinishes()
    {
        await StopAsync(abandon: false);
        Assert.Equal("Stopping", await StatusAsync());
        await Assert.ThrowsAsync<DuplicatedStopRequestException>(() => StopAsync(abandon: false));

        await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = _job.Id!, ContinuationToken = "still going" });
        Assert.Equal("Stopping", await StatusAsync());
        var next = Assert.Single((await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
        await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = next.Id!, Nonce = next.Nonce! });
        await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = next.Id! });

        Assert.Equal("Stopped", await StatusAsync());
        var summary = Assert.Single((await _emulator.Client.ListPipelineExecutionsAsync(new ListPipelineExecutionsRequest { PipelineName = "shop" })).PipelineExecutionSummaries!);
        Assert.Equal("because", summary.StopTrigger!.Reason);
        await Assert.ThrowsAsync<PipelineExecutionNotStoppableException>(() => StopAsync(abandon: true));
    }

    [Fact]
    public async Task StopAndAbandon_RunningJob_ActionAbandonedAndJobNoLongerWorkable()
    {
        await StopAsync(abandon: true);

        Assert.Equal("Stopped", await StatusAsync());
        var state = await _emulator.Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "shop" });
        Assert.Equal("Abandoned", state.StageStates![1].ActionStates![0].LatestExecution!.Status);
        Assert.Equal("Stopped", state.StageStates[1].LatestExecution!.Status);
        var error = await Assert.ThrowsAsync<InvalidJobStateException>(() => _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = _job.Id! }));
        Assert.Contains("abandoned", error.Message, StringComparison.Ordinal);
        Assert.NotEqual("InProgress", (await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = _job.Id!, Nonce = _job.Nonce! })).Status);
        await Assert.ThrowsAsync<DuplicatedStopRequestException>(() => StopAsync(abandon: true));
    }

    [Fact]
    public async Task StopAndWait_ThenAbandon_IsAllowed()
    {
        await StopAsync(abandon: false);

        await StopAsync(abandon: true);

        Assert.Equal("Stopped", await StatusAsync());
    }

    [Fact]
    public async Task RetryStageExecution_FailedAction_RunsANewActionExecutionAndSucceeds()
    {
        await Assert.ThrowsAsync<StageNotRetryableException>(() => RetryAsync());
        await _emulator.Client.PutJobFailureResultAsync(new PutJobFailureResultRequest
        {
            JobId = _job.Id!,
            FailureDetails = new FailureDetails { Type = FailureType.JobFailed, Message = "flaky" },
        });
        Assert.Equal("Failed", await StatusAsync());

        Assert.Equal(_executionId, (await RetryAsync()).PipelineExecutionId);

        Assert.Equal("InProgress", await StatusAsync());
        var retried = Assert.Single((await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
        Assert.NotEqual(_job.Data!.PipelineContext!.Action!.ActionExecutionId, retried.Data!.PipelineContext!.Action!.ActionExecutionId);
        await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = retried.Id!, Nonce = retried.Nonce! });
        await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = retried.Id! });
        Assert.Equal("Succeeded", await StatusAsync());
    }

    [Fact]
    public async Task RetryStageExecution_UnknownStage_ThrowsStageNotFound()
    {
        await Assert.ThrowsAsync<StageNotFoundException>(() => _emulator.Client.RetryStageExecutionAsync(new RetryStageExecutionRequest
        {
            PipelineName = "shop",
            StageName = "Nope",
            PipelineExecutionId = _executionId,
            RetryMode = StageRetryMode.FailedActions,
        }));
    }

    private Task<StopPipelineExecutionResponse> StopAsync(bool abandon) => _emulator.Client.StopPipelineExecutionAsync(new StopPipelineExecutionRequest
    {
        PipelineName = "shop",
        PipelineExecutionId = _executionId,
        Abandon = abandon,
        Reason = "because",
    });

    private Task<RetryStageExecutionResponse> RetryAsync() => _emulator.Client.RetryStageExecutionAsync(new RetryStageExecutionRequest
    {
        PipelineName = "shop",
        StageName = "Test",
        PipelineExecutionId = _executionId,
        RetryMode = StageRetryMode.FailedActions,
    });

    private async Task<string> StatusAsync() =>
        (await _emulator.Client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = "shop", PipelineExecutionId = _executionId })).PipelineExecution!.Status!;
}
