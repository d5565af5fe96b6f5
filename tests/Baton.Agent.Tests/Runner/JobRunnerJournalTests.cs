using System.Net;
using Baton.Agent.Handlers;
using Baton.Agent.Journal;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline;

namespace Baton.Agent.Tests.Runner;

public sealed class JobRunnerJournalTests
{
    private readonly RunnerHarness _h = new();

    [Fact]
    public async Task RunAsync_CustomJob_RecordsBeforeTheAcknowledgementAndCompletesAfterTheReport()
    {
        _h.Handler.OnStart = async (job, _) =>
        {
            var entry = Assert.Single(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
            Assert.Equal(job.JobId, entry.JobId);
            return StepResult.Succeed();
        };

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Equal(["record", "ack", "start", "put-success", "complete"], _h.Events.Snapshot());
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_ThirdPartyJobPolledWithoutData_RecordsRightAfterTheAcknowledgement()
    {
        var polled = RunnerHarness.ThirdPartyJob() with { Data = null };

        await _h.CreateRunner().RunAsync(polled, CancellationToken.None);

        Assert.Equal(["ack", "record", "start", "put-success", "complete"], _h.Events.Snapshot());
    }

    [Fact]
    public async Task RunAsync_KilledBetweenAcknowledgementAndStep_TheJournalAlreadyHoldsTheJob()
    {
        // The acknowledgement is the last thing that happens before the "kill": the step never runs.
        _h.Jobs.AckException = new OperationCanceledException("the process died");
        var job = RunnerHarness.CustomJob(_h.Token("s", step: 3));
        using var killed = new CancellationTokenSource();
        await killed.CancelAsync();

        await _h.CreateRunner().RunAsync(job, killed.Token);

        var entry = Assert.Single(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
        Assert.Equal(job.Reference.JobId, entry.JobId);
        Assert.Equal(3, entry.Step);
        Assert.Empty(_h.Handler.Calls);
        Assert.Equal(0, _h.Jobs.Reports);
    }

    [Fact]
    public async Task RunAsync_Job_RecordsWhatAResumeNeeds()
    {
        var token = _h.Token("s", step: 4);
        var job = RunnerHarness.CustomJob(token);
        JournalEntry? recorded = null;
        _h.Handler.OnContinue = async (_, _, _) =>
        {
            recorded = Assert.Single(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
            return StepResult.Succeed();
        };

        await _h.CreateRunner().RunAsync(job, CancellationToken.None);

        Assert.Equal(
            new JournalEntry
            {
                JobId = job.Reference.JobId,
                IsThirdParty = false,
                ActionType = "Test/Custom/BatonTest/1",
                IncomingToken = token,
                Step = 4,
                AgentId = RunnerHarness.AgentId,
                RecordedAt = RunnerHarness.Start,
            },
            recorded);
    }

    [Fact]
    public async Task RunAsync_ReportKeepsFailingUntilReportTimeout_LeavesTheJobInTheJournal()
    {
        _h.Jobs.ReportException = new HttpRequestException("connection refused");

        var run = _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);
        await AdvanceUntilDoneAsync(run, limit: TimeSpan.FromMinutes(2));

        Assert.Equal(["record", "ack", "start"], _h.Events.Snapshot().Take(3));
        Assert.True(_h.Jobs.Successes.Count > 2, $"expected retries, saw {_h.Jobs.Successes.Count} attempt(s)");
        Assert.Single(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_ReportThrottledTwice_RetriesAndCompletesTheJournalEntry()
    {
        _h.Jobs.ReportException = new CodePipelineServiceException("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest, "req-1");
        _h.Jobs.ReportFailures = 2;

        var run = _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);
        await AdvanceUntilDoneAsync(run, limit: TimeSpan.FromMinutes(1));

        Assert.Equal(3, _h.Jobs.Successes.Count);
        Assert.Equal("complete", _h.Events.Snapshot()[^1]);
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_ReportRejectedAsInvalid_DoesNotRetry()
    {
        _h.Jobs.ReportException = new ValidationException("bad summary", HttpStatusCode.BadRequest, "req-1");

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Single(_h.Jobs.Successes);
        Assert.Single(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_ReportRejectedAsInvalidJobState_LogsAndCompletesTheJournalEntry()
    {
        _h.Jobs.ReportException = new InvalidJobStateException("job timed out", HttpStatusCode.BadRequest, "req-1");

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Equal("complete", _h.Events.Snapshot()[^1]);
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
        Assert.Contains(_h.Logger.Collector.GetSnapshot(), r => r.Message.Contains("InvalidJobStateException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_JournalCannotRecord_LeavesTheJobUnacknowledgedForRedelivery()
    {
        _h.Journal.RecordException = new IOException("disk full");

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(_h.Token("s")), CancellationToken.None);

        Assert.Empty(_h.Handler.Calls);
        Assert.Empty(_h.Jobs.Acknowledged);
        Assert.Equal(0, _h.Jobs.Reports);
    }

    [Fact]
    public async Task RunAsync_JournalCannotRecordAThirdPartyJob_HandsItBackWithoutRunningTheStep()
    {
        _h.Journal.RecordException = new IOException("disk full");

        await _h.CreateRunner().RunAsync(RunnerHarness.ThirdPartyJob() with { Data = null }, CancellationToken.None);

        Assert.Equal(["ack", "record", "put-success", "complete"], _h.Events.Snapshot());
        Assert.Empty(_h.Handler.Calls);
        Assert.NotNull(Assert.Single(_h.Jobs.Successes).ContinuationToken);
    }

    [Fact]
    public async Task ResumeAsync_AcknowledgedButUnreportedJob_RerunsTheStepAndReports()
    {
        var token = _h.Token("test-7", step: 3, originJobId: "origin-7");
        var entry = new JournalEntry
        {
            JobId = RunnerHarness.NewJobId(),
            IsThirdParty = false,
            ActionType = "Test/Custom/BatonTest/1",
            IncomingToken = token,
            Step = 3,
            AgentId = RunnerHarness.AgentId,
            RecordedAt = RunnerHarness.Start.AddMinutes(-1),
        };
        await _h.Journal.RecordAsync(entry, CancellationToken.None);
        _h.Jobs.Details = RunnerHarness.Data(token, null);
        _h.Handler.OnContinue = (_, _, _) => ValueTask.FromResult(StepResult.Succeed("PASSED"));

        await _h.CreateRunner().ResumeAsync(entry, CancellationToken.None);

        var (context, state) = Assert.Single(_h.Handler.Calls);
        Assert.Equal("test-7", state);
        Assert.Equal("origin-7", context.IdempotencyKey);
        Assert.Equal(entry.JobId, Assert.Single(_h.Jobs.Successes).Job.JobId);
        Assert.Equal(["record", "details", "continue", "put-success", "complete"], _h.Events.Snapshot());
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task ResumeAsync_UnreportedFirstStep_StartsAgainUnderTheJobIdSinceItWasRecorded()
    {
        var entry = new JournalEntry
        {
            JobId = RunnerHarness.NewJobId(),
            IsThirdParty = false,
            ActionType = "Test/Custom/BatonTest/1",
            Step = 1,
            AgentId = RunnerHarness.AgentId,
            RecordedAt = RunnerHarness.Start.AddMinutes(-2),
        };
        await _h.Journal.RecordAsync(entry, CancellationToken.None);
        _h.Jobs.Details = RunnerHarness.Data(null, null);

        await _h.CreateRunner().ResumeAsync(entry, CancellationToken.None);

        var (context, state) = Assert.Single(_h.Handler.Calls);
        Assert.Null(state);
        Assert.Equal(entry.JobId, context.IdempotencyKey);
        Assert.Equal(entry.RecordedAt, context.ActionStartedAt);
        Assert.Single(_h.Jobs.Successes);
    }

    [Fact]
    public async Task ResumeAsync_JobNoLongerExists_DropsTheEntryWithoutHandlerCallOrReport()
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
        _h.Jobs.DetailsException = new JobNotFoundException("no such job", HttpStatusCode.BadRequest, null);

        await _h.CreateRunner().ResumeAsync(entry, CancellationToken.None);

        Assert.Empty(_h.Handler.Calls);
        Assert.Equal(0, _h.Jobs.Reports);
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    // Moves the fake clock in small steps while the run is waiting, giving the runner a moment of
    // real time after each step to reach its next delay; the fake-time limit stops a wrong
    // implementation from looping for ever, and no assertion depends on how long anything took.
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
