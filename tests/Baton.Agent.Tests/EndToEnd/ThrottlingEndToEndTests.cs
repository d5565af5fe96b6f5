using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// One in five CodePipeline calls of every operation answers ThrottlingException (the emulator's
/// seeded fault injection): polls back off, claims and reports are retried, and every execution
/// still succeeds with every step run.
/// </summary>
public sealed class ThrottlingEndToEndTests : IAsyncLifetime
{
    private const int Executions = 4;
    private const string Pipeline = "busy";
    private readonly TempDirectory _state = new();
    private E2eEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await E2eEmulator.StartAsync();
        await _emulator.PutSourceAsync(E2ePipelines.Zip(("input.txt", "hello")));
        await _emulator.CreateCustomActionTypeAsync(E2ePipelines.Definition("E2eBusy"));
        await _emulator.CreatePipelineAsync(E2ePipelines.SourceThen(
            Pipeline, new E2ePipelines.JobAction("Run", E2ePipelines.TypeId("E2eBusy")), ExecutionMode.Parallel));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task TwentyPercentThrottlingOnEveryOperation_ParallelExecutions_AllSucceedWithEveryStep()
    {
        var handler = new ContinuingHandler { CheckAfter = TimeSpan.FromMilliseconds(100) };
        await _emulator.AddFaultAsync(new { operation = "*", fault = "throttling", probability = 0.2, seed = 20 });
        // The client's own retries plus the runner's report retries (JobRunner.ReportAsync) ride out
        // the throttling; more client attempts keep the run short.
        await using var agent = await InProcessAgent.StartAsync(
            _emulator, _state.Path, a => a.AddHandler<ContinuingHandler>("Test/Custom/E2eBusy/1"), s => s.AddSingleton(handler), maxAttempts: 8);

        var executionIds = new List<string>();
        for (var i = 0; i < Executions; i++)
        {
            executionIds.Add(await _emulator.StartExecutionAsync(Pipeline));
        }

        foreach (var executionId in executionIds)
        {
            var execution = await _emulator.WaitForExecutionAsync(Pipeline, executionId, TimeSpan.FromSeconds(40), () => agent.Logs());
            Assert.Equal(PipelineExecutionStatus.Succeeded, execution.Status);
        }

        var byExecution = handler.Records.GroupBy(r => r.IdempotencyKey).ToList();
        Assert.Equal(Executions, byExecution.Count);
        Assert.All(byExecution, steps => Assert.Equal([1, 2, 3, 4, 5], steps.Select(s => s.Step).Distinct().Order()));
        // The agent's own calls were throttled, not just the test's: its polls, claims and reports.
        var metrics = _emulator.Metrics();
        long Throttled(string operation) => metrics.TryGetValue(operation, out var m) ? m.ErrorsByCode.GetValueOrDefault("ThrottlingException") : 0;
        // Which of them were hit depends on how many polls the agent needed (a reported continuation
        // wakes its poller at once), so the test asks for throttled agent calls, not a given operation.
        var agentThrottled = Throttled("PollForJobs") + Throttled("AcknowledgeJob") + Throttled("PutJobSuccessResult");
        Assert.True(agentThrottled > 0, "None of the agent's calls was throttled, so the test proved nothing.");
    }
}
