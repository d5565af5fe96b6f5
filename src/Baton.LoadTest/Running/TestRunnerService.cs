using Baton.LoadTest.Engine.Running;
using Baton.LoadTest.Hosting;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Running;

/// <summary>
/// The background runner: at start it ends tests an earlier process left Running (status Error,
/// results kept); then it claims queued tests oldest first and runs up to
/// <see cref="LoadTestServiceOptions.MaxConcurrentTests"/> at once, waiting on the
/// <see cref="TestQueue"/> doorbell when there is nothing to do. On stop, running tests end as
/// Error ("the service stopped during the test") before the store closes.
/// </summary>
/// <param name="store">The results store.</param>
/// <param name="queue">Rung when a test is queued.</param>
/// <param name="running">The tests running here.</param>
/// <param name="feed">Announces changes.</param>
/// <param name="options">The service options.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
public sealed class TestRunnerService(
    ITestStore store,
    TestQueue queue,
    RunningTests running,
    TestChangeFeed feed,
    LoadTestServiceOptions options,
    TimeProvider time,
    ILogger<TestRunnerService> logger) : BackgroundService
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
        var execution = new TestExecution(store, running, feed, new LoadTestRunner(time), time, logger);
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
                    await queue.WaitAsync(stoppingToken).ConfigureAwait(false);
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
