using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>A handler that fails or throws fails its action, with the failure type and message visible in the emulator's API.</summary>
public sealed class FailureEndToEndTests : IAsyncLifetime
{
    private const string Pipeline = "failing";
    private const string ActionType = "Test/Custom/E2eFailing/1";
    private readonly TempDirectory _state = new();
    private E2eEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await E2eEmulator.StartAsync();
        await _emulator.PutSourceAsync(E2ePipelines.Zip(("input.txt", "hello")));
        await _emulator.CreateCustomActionTypeAsync(E2ePipelines.Definition("E2eFailing"));
        await _emulator.CreatePipelineAsync(E2ePipelines.SourceThen(Pipeline, new E2ePipelines.JobAction("Run", E2ePipelines.TypeId("E2eFailing"))));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task HandlerReturnsFailAtStepTwo_FailsTheActionWithTypeMessageAndExternalExecutionId()
    {
        var handler = new ContinuingHandler { FailOnStep = 2, CheckAfter = TimeSpan.FromMilliseconds(100) };

        var (executionId, action) = await RunAsync(handler);

        var key = Assert.Single(handler.Records, r => r.Step == 1).JobId;
        Assert.Equal([1, 2], handler.Records.Select(r => r.Step));
        Assert.Equal(ActionExecutionStatus.Failed, action.Status);
        Assert.Equal(FailureType.JobFailed, action.ErrorDetails?.Code);
        Assert.Equal(handler.FailMessage, action.ErrorDetails?.Message);
        Assert.Equal(ContinuingHandler.ExternalExecutionIdOf(key), action.ExternalExecutionId);
        Assert.Equal(E2ePipelines.ExecutionUrl(ContinuingHandler.ExternalExecutionIdOf(key)), action.ExternalExecutionUrl);
        var detail = await _emulator.ActionExecutionAsync(Pipeline, executionId, "Run");
        Assert.Equal(FailureType.JobFailed, detail.Output!.ExecutionResult!.ErrorDetails?.Code);
        Assert.Equal(handler.FailMessage, detail.Output.ExecutionResult.ErrorDetails?.Message);
    }

    [Fact]
    public async Task HandlerThrowsAtStepOne_FailsTheActionWithTheExceptionTypeAndMessage()
    {
        var handler = new ContinuingHandler { ThrowOnStep = 1 };

        var (executionId, action) = await RunAsync(handler);

        Assert.Empty(handler.Records);
        Assert.Equal(ActionExecutionStatus.Failed, action.Status);
        Assert.Equal(FailureType.JobFailed, action.ErrorDetails?.Code);
        Assert.Equal("The handler threw InvalidOperationException: Backend connection lost at step 1.", action.ErrorDetails?.Message);
        var detail = await _emulator.ActionExecutionAsync(Pipeline, executionId, "Run");
        Assert.Equal(action.ErrorDetails?.Message, detail.Output!.ExecutionResult!.ErrorDetails?.Message);
    }

    private async Task<(string ExecutionId, ActionExecution Action)> RunAsync(ContinuingHandler handler)
    {
        await using var agent = await InProcessAgent.StartAsync(
            _emulator, _state.Path, a => a.AddHandler<ContinuingHandler>(ActionType), s => s.AddSingleton(handler));
        var executionId = await _emulator.StartExecutionAsync(Pipeline);
        var execution = await _emulator.WaitForExecutionAsync(Pipeline, executionId, TimeSpan.FromSeconds(30), () => agent.Logs());
        Assert.Equal(PipelineExecutionStatus.Failed, execution.Status);
        return (executionId, (await _emulator.ActionStateAsync(Pipeline, "StageRun", "Run")).LatestExecution!);
    }
}
