using Baton.Chaos.Backend;

namespace Baton.Chaos.Tests;

public sealed class BackendLedgerTests
{
    private static readonly DateTimeOffset _now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Start_SameKeyTwice_ReturnsTheSameRunAndCountsTheDuplicate()
    {
        var ledger = new BackendLedger(new FixedTime(_now), TextWriter.Null);

        var first = ledger.Start("key-1", "exec-1", "job-1", "replica-1");
        var again = ledger.Start("key-1", "exec-1", "job-1", "replica-2");

        Assert.False(first.Deduplicated);
        Assert.True(again.Deduplicated);
        Assert.Equal(first.RunId, again.RunId);
        var summary = ledger.Summarize(expectedSteps: 0);
        Assert.Equal(1, summary.Runs);
        Assert.Equal(1, summary.DuplicateStarts);
    }

    [Fact]
    public void Step_SameStepTwice_CountsARerunAndMeasuresLatenessOnce()
    {
        var ledger = new BackendLedger(new FixedTime(_now), TextWriter.Null);
        ledger.Start("key-1", "exec-1", "job-1", "replica-1");

        ledger.Step("key-1", 1, _now - TimeSpan.FromMilliseconds(250), "job-2", "replica-1");
        ledger.Step("key-1", 1, _now - TimeSpan.FromSeconds(9), "job-2", "replica-2");
        ledger.Step("key-1", 2, _now + TimeSpan.FromSeconds(1), "job-3", "replica-1");

        var summary = ledger.Summarize(expectedSteps: 2);
        Assert.Equal(1, summary.RepeatedSteps);
        Assert.Equal(2, summary.StepsRun);
        Assert.Equal(0, summary.IncompleteRuns);
        Assert.Equal(TimeSpan.FromMilliseconds(250), summary.MaxStepDelay);
    }

    [Fact]
    public void Start_TwoKeysForOnePipelineExecution_IsReported()
    {
        var ledger = new BackendLedger(new FixedTime(_now), TextWriter.Null);

        ledger.Start("key-1", "exec-1", "job-1", "replica-1");
        ledger.Start("key-2", "exec-1", "job-2", "replica-1");
        ledger.Step("key-3", 1, _now, "job-3", "replica-1");

        var summary = ledger.Summarize(expectedSteps: 1);
        Assert.Equal(1, summary.PipelineExecutionsWithSeveralKeys);
        Assert.Equal(1, summary.StepsWithoutRun);
        Assert.Equal(2, summary.IncompleteRuns);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
