using System.Collections.Concurrent;
using System.Globalization;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// A custom and a third-party action each run five steps through the emulator over HTTP: each
/// step is a new job carrying the sealed continuation token, paced by <c>checkAfter</c>, with
/// progress and the Details link visible in GetPipelineState from step 1 on.
/// </summary>
public sealed class ContinuationEndToEndTests : IAsyncLifetime
{
    private const int Steps = 5;
    private static readonly TimeSpan _checkAfter = TimeSpan.FromMilliseconds(200);

    // Timers have millisecond granularity: a step may start up to a tick before its notBefore.
    private static readonly TimeSpan _timerTick = TimeSpan.FromMilliseconds(10);

    private readonly TempDirectory _state = new();
    private E2eEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await E2eEmulator.StartAsync();
        await _emulator.PutSourceAsync(E2ePipelines.Zip(("input.txt", "hello")));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task CustomAction_FiveStepContinuation_ShowsRisingProgressAndDetailsLinkFromStepOneAndSucceeds()
    {
        var type = E2ePipelines.TypeId("E2eSteps");
        await _emulator.CreateCustomActionTypeAsync(E2ePipelines.Definition("E2eSteps"));
        await _emulator.CreatePipelineAsync(E2ePipelines.SourceThen("steps", new E2ePipelines.JobAction("Run", type)));

        await RunFiveStepsAsync("steps", "Test/Custom/E2eSteps/1", configuration: []);
    }

    [Fact]
    public async Task ThirdPartyAction_FiveStepContinuation_ShowsRisingProgressAndDetailsLinkFromStepOneAndSucceeds()
    {
        var type = E2ePipelines.TypeId("E2ePartner", ActionOwner.ThirdParty);
        await _emulator.RegisterThirdPartyActionTypeAsync(E2ePipelines.Definition("E2ePartner"));
        await _emulator.CreatePipelineAsync(E2ePipelines.SourceThen("partner", new E2ePipelines.JobAction("Run", type)));
        var client = await _emulator.ThirdPartyClientAsync("partner");

        await RunFiveStepsAsync("partner", "Test/ThirdParty/E2ePartner/1", [new($"Baton:Agent:ClientTokens:{client.ClientId}", client.ClientToken)]);
    }

    private async Task RunFiveStepsAsync(string pipeline, string actionType, IEnumerable<KeyValuePair<string, string?>> configuration)
    {
        // What the emulator shows when each step starts, i.e. right after the previous step's report.
        var seen = new ConcurrentDictionary<int, ActionExecution?>();
        var handler = new ContinuingHandler
        {
            Steps = Steps,
            CheckAfter = _checkAfter,
            OnStepStarting = async job => seen[job.Step] = (await _emulator.ActionStateAsync(pipeline, "StageRun", "Run")).LatestExecution,
        };
        await using var agent = await InProcessAgent.StartAsync(
            _emulator, _state.Path, a => a.AddHandler<ContinuingHandler>(actionType), s => s.AddSingleton(handler), configuration);

        var executionId = await _emulator.StartExecutionAsync(pipeline);
        var execution = await _emulator.WaitForExecutionAsync(pipeline, executionId, TimeSpan.FromSeconds(30), () => agent.Logs());

        Assert.Equal(PipelineExecutionStatus.Succeeded, execution.Status);
        var steps = handler.Records.ToList();
        Assert.Equal([1, 2, 3, 4, 5], steps.Select(s => s.Step));
        Assert.Equal(Steps, steps.Select(s => s.JobId).Distinct().Count());
        var key = steps[0].JobId;
        Assert.All(steps, s => Assert.Equal(key, s.IdempotencyKey));
        var externalId = ContinuingHandler.ExternalExecutionIdOf(key);
        var detailsUrl = E2ePipelines.ExecutionUrl(externalId);

        var first = seen[1];
        Assert.Equal(ActionExecutionStatus.InProgress, first?.Status);
        Assert.Null(first?.ExternalExecutionId);
        Assert.Null(first?.PercentComplete);
        for (var step = 2; step <= Steps; step++)
        {
            var before = seen[step]!;
            Assert.Equal(ActionExecutionStatus.InProgress, before.Status);
            Assert.Equal((step - 1) * 100 / Steps, before.PercentComplete);
            Assert.Equal($"Step {step - 1} of {Steps} done.", before.Summary);
            Assert.Equal(externalId, before.ExternalExecutionId);
            Assert.Equal(detailsUrl, before.ExternalExecutionUrl);

            var record = steps[step - 1];
            Assert.Equal((step - 1).ToString(CultureInfo.InvariantCulture), record.State);
            Assert.Equal(externalId, record.ExternalExecutionIdSoFar);
            var previous = steps[step - 2];
            Assert.True(
                record.Started >= previous.Returned + _checkAfter - _timerTick,
                $"Step {step} started at {record.Started:O}, before step {step - 1}'s checkAfter ({previous.Returned:O} + {_checkAfter.TotalMilliseconds} ms).");
        }

        var progress = seen.OrderBy(s => s.Key).Skip(1).Select(s => s.Value!.PercentComplete!.Value).ToList();
        var final = (await _emulator.ActionStateAsync(pipeline, "StageRun", "Run")).LatestExecution!;
        progress.Add(final.PercentComplete!.Value);
        Assert.Equal([20, 40, 60, 80, 100], progress);
        Assert.Equal(ActionExecutionStatus.Succeeded, final.Status);
        Assert.Equal(externalId, final.ExternalExecutionId);
        Assert.Equal(detailsUrl, final.ExternalExecutionUrl);
        Assert.Equal("All 5 steps done.", final.Summary);

        var detail = await _emulator.ActionExecutionAsync(pipeline, executionId, "Run");
        Assert.Equal(ActionExecutionStatus.Succeeded, detail.Status);
        Assert.Equal(externalId, detail.Output!.ExecutionResult!.ExternalExecutionId);
        Assert.Equal(detailsUrl, detail.Output.ExecutionResult.ExternalExecutionUrl);
        Assert.Equal("All 5 steps done.", detail.Output.ExecutionResult.ExternalExecutionSummary);
    }
}
