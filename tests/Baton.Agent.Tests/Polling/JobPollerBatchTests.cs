using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Polling;

public sealed class JobPollerBatchTests : IDisposable
{
    private readonly AgentHarness _h = new();
    private readonly CancellationTokenSource _stop = new();

    [Fact]
    public async Task RunAsync_SlotsTaken_AsksForOnlyTheFreeSlotsAndWaitsWhenNoneIsFree()
    {
        var release = new Dictionary<string, TaskCompletionSource<StepResult>>();
        _h.Handler.OnStart = (job, _) =>
        {
            lock (release)
            {
                return new ValueTask<StepResult>(release[job.JobId].Task);
            }
        };
        var jobs = Enumerable.Range(0, 4).Select(i => RunnerHarness.CustomJob(jobId: $"job-{i}")).ToArray();
        foreach (var job in jobs)
        {
            release[job.Reference.JobId] = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var run = _h.CreatePoller(maxConcurrency: 3).RunAsync(_stop.Token);

        var first = await _h.Jobs.NextPollAsync();
        Assert.Equal(3, first.MaxBatchSize);
        first.Answer(jobs[0], jobs[1]);

        // Work came back and a slot is free: the next poll follows at once, for the one free slot.
        var second = await _h.Jobs.NextPollAsync();
        Assert.Equal(1, second.MaxBatchSize);
        second.Answer(jobs[2]);

        // All three slots are taken; the next poll comes only when a job has reported.
        release["job-1"].SetResult(StepResult.Succeed());
        Assert.Equal("job-1", await _h.Jobs.NextReportAsync());
        var third = await _h.Jobs.NextPollAsync();
        Assert.Equal(1, third.MaxBatchSize);
        third.Answer(jobs[3]);

        foreach (var id in new[] { "job-0", "job-2", "job-3" })
        {
            release[id].SetResult(StepResult.Succeed());
            Assert.Equal(id, await _h.Jobs.NextReportAsync());
        }

        await _stop.CancelAsync();
        await run;
        Assert.Equal(4, _h.Jobs.Successes.Count);
    }

    [Fact]
    public async Task RunAsync_PollReturnsWork_PollsAgainWithoutWaiting()
    {
        var run = _h.CreatePoller(maxConcurrency: 2).RunAsync(_stop.Token);

        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob());
        await _h.Jobs.NextPollAsync();

        // The clock did not move, so no wait can have passed between the two polls.
        Assert.Equal(RunnerHarness.Start, _h.Time.GetUtcNow());
        await _h.Jobs.NextReportAsync();
        await _stop.CancelAsync();
        await run;
        Assert.Single(_h.Jobs.Successes);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsPollingAndLogsIt()
    {
        var run = _h.CreatePoller().RunAsync(_stop.Token);
        await _h.Jobs.NextPollAsync();

        await _stop.CancelAsync();
        await run;

        Assert.Contains(_h.PollerLogger.Collector.GetSnapshot(), r => r.Message == "Polling Test/Custom/BatonTest/1 stopped.");
    }

    public void Dispose()
    {
        _stop.Dispose();
        _h.Dispose();
    }
}
