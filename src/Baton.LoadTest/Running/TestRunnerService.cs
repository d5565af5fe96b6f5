using Baton.LoadTest.Engine.Running;
using Baton.LoadTest.Hosting;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Running;

/// <summary>
/// The background runner: at start it deals with tests an earlier process left Running (SQLite:
/// they end Error with their results kept; PostgreSQL: this replica's are handed back for a re-run);
/// then it claims queued tests oldest first and runs up to
/// <see cref="LoadTestServiceOptions.MaxConcurrentTests"/> at once, waiting on the
/// <see cref="TestQueue"/> doorbell when there is nothing to do. On stop, running tests end as
/// Error ("the service stopped during the test") before the store closes.
/// <para>
/// With a store shared by replicas (<see cref="ITestLeaseStore"/>) the claim also takes running
/// tests whose lease expired (their replica died; they are re-run from the start), the runner also
/// looks for work every <see cref="LoadTestServiceOptions.EffectiveLeaseCheckInterval"/> (tests
/// queued on other replicas ring no bell here), each running test's lease is renewed at that
/// interval and the test stops as soon as it is cancelled on another replica or lost to one, and a
/// stop hands running tests back instead of ending them.
/// </para>
/// </summary>
/// <param name="store">The results store.</param>
/// <param name="queue">Rung when a test is queued.</param>
/// <param name="running">The tests running here.</param>
/// <param name="feed">Announces changes.</param>
/// <param name="options">The service options.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
/// <param name="leases">The leases of a store shared by replicas; null for a single-node store.</param>
public sealed class TestRunnerService(
    ITestStore store,
    TestQueue queue,
    RunningTests running,
    TestChangeFeed feed,
    LoadTestServiceOptions options,
    TimeProvider time,
    ILogger<TestRunnerService> logger,
    ITestLeaseStore? leases = null) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interrupted = await store.EndInterruptedAsync(time.GetUtcNow(), TestReasons.Restarted, stoppingToken).ConfigureAwait(false);
        foreach (var test in interrupted)
        {
            Log.TestInterrupted(logger, test.Id, test.Reason);
        }

        feed.Publish();
        var execution = new TestExecution(store, running, feed, new LoadTestRunner(time), time, logger)
        {
            Leases = leases is null ? null : new LeaseKeeper(leases, options.EffectiveLeaseCheckInterval, time, logger),
        };
        using var slots = new SemaphoreSlim(options.MaxConcurrentTests);
        var active = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                TestRecord? test;
                try
                {
                    test = await store.ClaimNextQueuedAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.ClaimFailed(logger, ex);
                    test = null;
                }

                if (test is null)
                {
                    slots.Release();
                    await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

                Log.TestStarting(logger, test.Id, test.AccountId);
                feed.Publish();
                active.RemoveAll(t => t.IsCompleted);
                active.Add(RunAndReleaseAsync(execution, test, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Let running tests record how they ended before the host disposes the store.
            await Task.WhenAll(active).ConfigureAwait(false);
        }
    }

    // A single-node store only gets work through this process's doorbell; a shared one also gets
    // tests queued on other replicas and tests whose owner died, which ring no bell here.
    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        if (leases is null)
        {
            await queue.WaitAsync(stoppingToken).ConfigureAwait(false);
            return;
        }

        using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var bell = queue.WaitAsync(woken.Token);
        var tick = Task.Delay(options.EffectiveLeaseCheckInterval, time, woken.Token);
        await Task.WhenAny(bell, tick).ConfigureAwait(false);
        await woken.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(bell, tick).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task RunAndReleaseAsync(TestExecution execution, TestRecord test, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await execution.RunAsync(test, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.ExecutionFailed(logger, test.Id, ex);
        }
        finally
        {
            slots.Release();
            queue.Ring();
        }
    }
}
