using System.Threading.Channels;
using Baton.LoadTest.Api;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Running;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Running;

/// <summary>
/// Runs one claimed test with the engine. Each second the engine reports goes to the store at once
/// (histogram and figures in one transaction), so a crash loses at most the second in flight. The
/// outcome maps to exactly one final state:
/// <code>
/// completed / aborted ─► Passed | Failed (thresholds)     cancelled by the account ─► Cancelled
/// service stopping    ─► Error "the service stopped…"     engine threw            ─► Error
/// </code>
/// With a store shared by replicas (a <see cref="LeaseKeeper"/>), two more outcomes record nothing
/// here: the lease ended (cancelled on another replica) or was lost (another replica re-runs the
/// test) stops the load at once; and a stopping service hands the test back instead of ending it Error.
/// </summary>
internal sealed class TestExecution(ITestStore store, RunningTests running, TestChangeFeed feed, LoadTestRunner engine, TimeProvider time, ILogger logger)
{
    /// <summary>Set for a store shared by replicas: keeps the lease of each running test and hands tests back on stop.</summary>
    public LeaseKeeper? Leases { get; init; }

    public async Task RunAsync(TestRecord test, CancellationToken stopping)
    {
        var cancel = running.Add(test.Id);
        try
        {
            using var leaseEnded = new CancellationTokenSource();
            using var finished = new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token, stopping, leaseEnded.Token);
            var keeping = Leases?.KeepAsync(test.Id, leaseEnded, finished.Token) ?? Task.FromResult(TestLeaseState.Held);
            var seconds = Channel.CreateUnbounded<LoadTestProgress>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var persisting = PersistAsync(test.Id, seconds.Reader);
            LoadTestResult? result = null;
            Exception? failure = null;
            try
            {
                result = await engine.RunAsync(PlanFactory.Create(test.Definition), new ChannelProgress(seconds.Writer), linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
                Log.EngineFailed(logger, test.Id, ex);
            }

            seconds.Writer.TryComplete();
            var (kept, lastFigures) = await persisting.ConfigureAwait(false);
            await finished.CancelAsync().ConfigureAwait(false);
            if (await keeping.ConfigureAwait(false) != TestLeaseState.Held)
            {
                return;
            }

            if (Leases is not null && stopping.IsCancellationRequested && !cancel.IsCancellationRequested && result?.Outcome == LoadTestOutcome.Cancelled)
            {
                await HandBackAsync(Leases.Store, test.Id, kept).ConfigureAwait(false);
                return;
            }

            var completion = Decide(result, failure, cancel.IsCancellationRequested, kept, lastFigures);
            await store.CompleteAsync(test.Id, completion, CancellationToken.None).ConfigureAwait(false);
            Log.TestEnded(logger, test.Id, completion.Status, completion.Reason);
        }
        finally
        {
            running.Remove(test.Id);
            feed.Publish();
        }
    }

    private async Task HandBackAsync(ITestLeaseStore leases, Guid id, int kept)
    {
        try
        {
            await leases.ReleaseLeaseAsync(id, CancellationToken.None).ConfigureAwait(false);
            RunnerLog.TestHandedBack(logger, id, kept);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            RunnerLog.HandBackFailed(logger, id, ex);
        }
    }

    private TestCompletion Decide(LoadTestResult? result, Exception? failure, bool cancelledByAccount, int kept, TestFigures lastFigures)
    {
        var now = time.GetUtcNow();
        if (result is null)
        {
            return new(TestStatus.Error, now, lastFigures, [], $"The load engine failed: {failure?.Message}");
        }

        if (result.Outcome == LoadTestOutcome.Cancelled)
        {
            return cancelledByAccount
                ? new(TestStatus.Cancelled, now, lastFigures, [], $"Cancelled by the account after {kept} s.")
                : new(TestStatus.Error, now, lastFigures, [], TestReasons.Stopped(kept));
        }

        var summary = result.Summary;
        var figures = new TestFigures(
            summary.Elapsed.TotalSeconds,
            100,
            summary.Counters.Completed,
            summary.Counters.Errors,
            summary.AchievedRate,
            summary.LatencyHistogram.Base64);
        var thresholds = result.Thresholds.Select(t => new ThresholdOutcome(t.Threshold.ToString(), t.Passed, FiguresText.Measured(t))).ToList();
        var reason = result.Outcome == LoadTestOutcome.Aborted ? "Stopped early: " + result.AbortReason : null;
        return new(result.ThresholdsPassed ? TestStatus.Passed : TestStatus.Failed, now, figures, thresholds, reason);
    }

    private async Task<(int Kept, TestFigures Last)> PersistAsync(Guid id, ChannelReader<LoadTestProgress> seconds)
    {
        var kept = 0;
        var figures = TestFigures.None;
        HistogramSnapshot? merged = null;
        await foreach (var progress in seconds.ReadAllAsync().ConfigureAwait(false))
        {
            var second = progress.Interval;
            merged = merged is null ? second.LatencyHistogram : HistogramSnapshot.Merge([merged, second.LatencyHistogram]);
            var elapsed = progress.Elapsed.TotalSeconds;
            figures = new TestFigures(
                elapsed,
                Math.Clamp((int)(progress.Fraction * 100), 0, 99),
                progress.Totals.Completed,
                progress.Totals.Errors,
                elapsed > 0 ? progress.Totals.Completed / elapsed : 0,
                merged.Base64);
            try
            {
                await store.AppendSecondAsync(
                    id,
                    new TestSecondRecord(second.Second, second.Counters.Completed, second.Counters.Errors, second.LatencyHistogram.Base64),
                    figures,
                    CancellationToken.None).ConfigureAwait(false);
                kept++;
                feed.Publish();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.SecondNotStored(logger, id, second.Second, ex);
            }
        }

        return (kept, figures);
    }

    /// <summary>Hands each second to the store writer without blocking the engine's aggregator.</summary>
    private sealed class ChannelProgress(ChannelWriter<LoadTestProgress> writer) : IProgress<LoadTestProgress>
    {
        public void Report(LoadTestProgress value) => writer.TryWrite(value);
    }
}
