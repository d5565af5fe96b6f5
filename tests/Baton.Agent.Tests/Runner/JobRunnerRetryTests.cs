using System.Net;
using Baton.Agent.Journal;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline;

namespace Baton.Agent.Tests.Runner;

/// <summary>
/// Calls whose answer may be lost while the job is already ours: an acknowledgement (CodePipeline
/// may have accepted it) and the details a resume needs. Given up early, either leaves an
/// acknowledged job with no owner until it times out.
/// </summary>
public sealed class JobRunnerRetryTests
{
    private readonly RunnerHarness _h = new();

    [Fact]
    public async Task RunAsync_AcknowledgementAnswerLost_AsksAgainWithTheSameNonceAndRunsTheJob()
    {
        _h.Jobs.AckException = new HttpRequestException("connection reset");
        var job = RunnerHarness.CustomJob();

        var run = _h.CreateRunner().RunAsync(job, CancellationToken.None);
        _h.Jobs.AckException = null;
        await AdvanceUntilDoneAsync(run, limit: TimeSpan.FromMinutes(1));

        Assert.Equal(["record", "ack", "ack", "start", "put-success", "complete"], _h.Events.Snapshot());
        Assert.All(_h.Jobs.Acknowledged, acked => Assert.Equal(job.Nonce, acked.Nonce));
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_AcknowledgementThrottledThenNonceLapsed_DropsTheJobWithoutRunningIt()
    {
        _h.Jobs.AckException = new CodePipelineServiceException("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest, "req-1");

        var run = _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);
        _h.Jobs.AckException = new InvalidNonceException("the dispatch lapsed", HttpStatusCode.BadRequest, "req-2");
        await AdvanceUntilDoneAsync(run, limit: TimeSpan.FromMinutes(1));

        Assert.Equal(["record", "ack", "ack", "complete"], _h.Events.Snapshot());
        Assert.Empty(_h.Handler.Calls);
        Assert.Equal(0, _h.Jobs.Reports);
    }

    [Fact]
    public async Task RunAsync_AcknowledgementFailsUntilReportTimeout_GivesUpWithoutRunningTheStep()
    {
        _h.Jobs.AckException = new HttpRequestException("connection refused");

        var run = _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);
        await AdvanceUntilDoneAsync(run, limit: TimeSpan.FromMinutes(2));

        Assert.True(_h.Jobs.Acknowledged.Count > 2, $"expected retries, saw {_h.Jobs.Acknowledged.Count} attempt(s)");
        Assert.Empty(_h.Handler.Calls);
        Assert.Equal(0, _h.Jobs.Reports);

        // Still unanswered: it may be ours, so a restart (or, with leases, a peer) resumes it.
        Assert.Single(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task ResumeAsync_DetailsUnavailableForAWhile_RetriesThenRerunsTheStepAndReports()
    {
        var entry = await RecordFirstStepAsync();
        _h.Jobs.Details = RunnerHarness.Data(null, null);
        _h.Jobs.DetailsException = new HttpRequestException("connection refused");

        var resume = _h.CreateRunner().ResumeAsync(entry, CancellationToken.None);
        _h.Jobs.DetailsException = null;
        await AdvanceUntilDoneAsync(resume, limit: TimeSpan.FromMinutes(1));

        Assert.Equal(["record", "details", "details", "start", "put-success", "complete"], _h.Events.Snapshot());
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task ResumeAsync_DetailsUnavailableUntilReportTimeout_KeepsTheEntry()
    {
        var entry = await RecordFirstStepAsync();
        _h.Jobs.DetailsException = new HttpRequestException("connection refused");

        var resume = _h.CreateRunner().ResumeAsync(entry, CancellationToken.None);
        await AdvanceUntilDoneAsync(resume, limit: TimeSpan.FromMinutes(2));

        Assert.True(_h.Events.Snapshot().Count(e => e == "details") > 2, "expected retries of GetJobDetails");
        Assert.Empty(_h.Handler.Calls);
        Assert.Single(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    private async Task<JournalEntry> RecordFirstStepAsync()
    {
        var entry = new JournalEntry
        {
            JobId = RunnerHarness.NewJobId(),
            IsThirdParty = false,
            ActionType = "Test/Custom/BatonTest/1",
            Step = 1,
            AgentId = RunnerHarness.AgentId,
            RecordedAt = RunnerHarness.Start,
        };
        await _h.Journal.RecordAsync(entry, CancellationToken.None);
        return entry;
    }

    // Moves the fake clock in small steps while the runner waits between attempts; the fake-time
    // limit stops a wrong implementation from looping for ever.
    private async Task AdvanceUntilDoneAsync(Task run, TimeSpan limit)
    {
        var advanced = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(250);
        while (!run.IsCompleted && advanced < limit)
        {
            _h.Time.Advance(step);
            advanced += step;
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(10)));
        }

        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
