using Baton.Agent.Journal;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Hosting;

public sealed class JobAgentResumeTests : IDisposable
{
    private readonly AgentHarness _h = new();
    private readonly CancellationTokenSource _stop = new();

    [Fact]
    public async Task RunAsync_JournaledJob_RerunAndReportedInASlotBeforeTheFirstPoll()
    {
        var entry = Entry("Test/Custom/BatonTest/1");
        await _h.Journal.RecordAsync(entry, CancellationToken.None);
        _h.Jobs.Details = RunnerHarness.Data(null, null);
        var run = _h.CreateAgent(_h.CreatePoller(maxConcurrency: 1)).RunAsync(_stop.Token);

        // One slot: the first poll can only come once the resumed job has reported.
        var poll = await _h.Jobs.NextPollAsync();
        Assert.Equal(entry.JobId, await _h.Jobs.NextReportAsync());
        await _stop.CancelAsync();
        await run;

        Assert.Equal(1, poll.MaxBatchSize);
        Assert.Equal(entry.JobId, Assert.Single(_h.Handler.Calls).Job.IdempotencyKey);
        Assert.Equal(["record", "details", "start", "put-success", "complete"], _h.Events.Snapshot());
        Assert.Empty(await _h.Journal.ListUnreportedAsync(AgentHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_JournaledJobOfAnUnregisteredActionType_StaysInTheJournal()
    {
        await _h.Journal.RecordAsync(Entry("Test/Custom/Retired/1"), CancellationToken.None);
        var run = _h.CreateAgent(_h.CreatePoller()).RunAsync(_stop.Token);

        await _h.Jobs.NextPollAsync();
        await _stop.CancelAsync();
        await run;

        Assert.Single(await _h.Journal.ListUnreportedAsync(AgentHarness.AgentId, CancellationToken.None));
        Assert.Contains(_h.AgentLogger.Collector.GetSnapshot(), r => r.Id.Id == 202 && r.Message.Contains("Test/Custom/Retired/1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_JournaledAndQueuedJobs_ReturnsAfterAllAreReported()
    {
        await _h.Journal.RecordAsync(Entry("Test/Custom/BatonTest/1"), CancellationToken.None);
        _h.Jobs.Details = RunnerHarness.Data(null, null);
        var run = _h.CreateAgent(_h.CreatePoller(maxConcurrency: 1)).RunOnceAsync(CancellationToken.None);

        // The resumed job holds the only slot: the first poll waits for its report.
        await _h.Jobs.NextReportAsync();
        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob());
        await _h.Jobs.NextReportAsync();
        (await _h.Jobs.NextPollAsync()).Answer();
        await run;

        Assert.Equal(2, _h.Jobs.Successes.Count);
        Assert.Empty(await _h.Journal.ListUnreportedAsync(AgentHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_SecondCall_Throws()
    {
        var agent = _h.CreateAgent(_h.CreatePoller());
        await _stop.CancelAsync();
        await agent.RunAsync(_stop.Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => agent.RunAsync(_stop.Token));
        Assert.Equal("A JobAgent runs once; create a new one to run again.", error.Message);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _h.Dispose();
    }

    private static JournalEntry Entry(string actionType) => new()
    {
        JobId = Guid.NewGuid().ToString(),
        IsThirdParty = false,
        ActionType = actionType,
        Step = 1,
        AgentId = AgentHarness.AgentId,
        RecordedAt = RunnerHarness.Start.AddMinutes(-1),
    };
}
