using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Engine;

public sealed class ApprovalTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(time: _time);
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip");
        await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenApproval("gated") });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task PutApprovalResult_ApprovedWithStateToken_SucceedsTheExecution()
    {
        var executionId = await StartAsync();
        var token = (await GateAsync()).LatestExecution!.Token;
        Assert.Matches("^[0-9a-f-]{36}$", token);

        var result = await _emulator.Client.PutApprovalResultAsync(Approval(token!, ApprovalStatus.Approved));

        Assert.Equal(_time.GetUtcNow(), result.ApprovedAt);
        var gate = await GateAsync();
        Assert.Equal("Succeeded", gate.LatestExecution!.Status);
        Assert.Equal("looks good", gate.LatestExecution.Summary);
        Assert.Null(gate.LatestExecution.Token);
        Assert.Equal("arn:aws:iam::123456789012:user/test", gate.LatestExecution.LastUpdatedBy);
        Assert.Equal("Succeeded", (await ExecutionAsync(executionId)).Status);
        await Assert.ThrowsAsync<ApprovalAlreadyCompletedException>(() => _emulator.Client.PutApprovalResultAsync(Approval(token!, ApprovalStatus.Approved)));
    }

    [Fact]
    public async Task PutApprovalResult_Rejected_FailsTheExecution()
    {
        var executionId = await StartAsync();
        var token = (await GateAsync()).LatestExecution!.Token!;

        await _emulator.Client.PutApprovalResultAsync(Approval(token, ApprovalStatus.Rejected));

        Assert.Equal("Failed", (await GateAsync()).LatestExecution!.Status);
        Assert.Equal("Failed", (await ExecutionAsync(executionId)).Status);
    }

    [Fact]
    public async Task PutApprovalResult_WrongToken_ThrowsInvalidApprovalToken()
    {
        await StartAsync();

        await Assert.ThrowsAsync<InvalidApprovalTokenException>(() =>
            _emulator.Client.PutApprovalResultAsync(Approval("00000000-0000-4000-8000-000000000000", ApprovalStatus.Approved)));
    }

    [Fact]
    public async Task PutApprovalResult_UnknownStageOrAction_ThrowsNotFound()
    {
        await StartAsync();
        var token = (await GateAsync()).LatestExecution!.Token!;

        await Assert.ThrowsAsync<StageNotFoundException>(() => _emulator.Client.PutApprovalResultAsync(Approval(token, ApprovalStatus.Approved) with { StageName = "Nope" }));
        await Assert.ThrowsAsync<ActionNotFoundException>(() => _emulator.Client.PutApprovalResultAsync(Approval(token, ApprovalStatus.Approved) with { ActionName = "Nope" }));
    }

    [Fact]
    public async Task Approval_NobodyAnswersInSevenDays_FailsWithTimeout()
    {
        var executionId = await StartAsync();

        _time.Advance(TimeSpan.FromDays(7));
        await _emulator.Engine.TickAsync();

        var gate = await GateAsync();
        Assert.Equal("Failed", gate.LatestExecution!.Status);
        Assert.Contains("approval timed out", gate.LatestExecution.ErrorDetails!.Message, StringComparison.Ordinal);
        Assert.Equal("Failed", (await ExecutionAsync(executionId)).Status);
    }

    private static PutApprovalResultRequest Approval(string token, string status) => new()
    {
        PipelineName = "gated",
        StageName = "Approve",
        ActionName = "Gate",
        Token = token,
        Result = new ApprovalResult { Status = status, Summary = "looks good" },
    };

    private async Task<string> StartAsync() =>
        (await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "gated" })).PipelineExecutionId!;

    private async Task<ActionState> GateAsync() =>
        (await _emulator.Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "gated" })).StageStates![1].ActionStates![0];

    private async Task<PipelineExecution> ExecutionAsync(string id) =>
        (await _emulator.Client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = "gated", PipelineExecutionId = id })).PipelineExecution!;
}
