using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Engine;

public sealed class ExecutionModeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(time: _time);
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Superseded_ThirdExecutionArrivesWhileSecondWaits_SecondIsSupersededAndThirdRunsNext()
    {
        await CreateAsync(ExecutionMode.Superseded);
        var first = await StartAsync();
        var second = await StartAsync();

        var waiting = (await StateAsync()).StageStates![1];
        Assert.Equal(second, waiting.InboundExecution!.PipelineExecutionId);
        Assert.Equal(first, waiting.LatestExecution!.PipelineExecutionId);

        var third = await StartAsync();
        Assert.Equal("Superseded", await StatusAsync(second));
        await ApproveAsync();

        Assert.Equal("Succeeded", await StatusAsync(first));
        Assert.Equal(third, (await StateAsync()).StageStates![1].LatestExecution!.PipelineExecutionId);
        await ApproveAsync();
        Assert.Equal("Succeeded", await StatusAsync(third));
    }

    [Fact]
    public async Task Queued_ExecutionsWaitingForAStage_RunOneAfterAnotherInOrder()
    {
        await CreateAsync(ExecutionMode.Queued);
        var first = await StartAsync();
        var second = await StartAsync();
        var third = await StartAsync();

        var inbound = (await StateAsync()).StageStates![1].InboundExecutions!.Select(e => e.PipelineExecutionId).ToList();
        Assert.Equal([second, third], inbound);
        await ApproveAsync();
        Assert.Equal(second, (await StateAsync()).StageStates![1].LatestExecution!.PipelineExecutionId);
        await ApproveAsync();
        await ApproveAsync();

        Assert.Equal(["Succeeded", "Succeeded", "Succeeded"], [await StatusAsync(first), await StatusAsync(second), await StatusAsync(third)]);
    }

    [Fact]
    public async Task Parallel_TwoExecutions_RunTheSameStageAtOnce()
    {
        await CreateAsync(ExecutionMode.Parallel);
        var first = await StartAsync();
        var second = await StartAsync();

        var actions = await _emulator.Client.ListActionExecutionsAsync(new ListActionExecutionsRequest { PipelineName = "modes" });
        var waiting = actions.ActionExecutionDetails!.Where(a => a.ActionName == "Gate" && a.Status == "InProgress").Select(a => a.PipelineExecutionId).ToHashSet();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), waiting.Order(StringComparer.Ordinal));
        Assert.Null((await StateAsync()).StageStates![1].InboundExecution);
    }

    private async Task CreateAsync(string mode) =>
        await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenApproval("modes", mode) });

    private async Task<string> StartAsync() =>
        (await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "modes" })).PipelineExecutionId!;

    private async Task<GetPipelineStateResponse> StateAsync() =>
        await _emulator.Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "modes" });

    private async Task<string> StatusAsync(string executionId) =>
        (await _emulator.Client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = "modes", PipelineExecutionId = executionId })).PipelineExecution!.Status!;

    private async Task ApproveAsync()
    {
        var token = (await StateAsync()).StageStates![1].ActionStates![0].LatestExecution!.Token!;
        await _emulator.Client.PutApprovalResultAsync(new PutApprovalResultRequest
        {
            PipelineName = "modes",
            StageName = "Approve",
            ActionName = "Gate",
            Token = token,
            Result = new ApprovalResult { Status = ApprovalStatus.Approved, Summary = "ok" },
        });
    }
}
