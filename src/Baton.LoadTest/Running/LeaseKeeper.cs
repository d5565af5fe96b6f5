using Baton.LoadTest.Store;

namespace Baton.LoadTest.Running;

/// <summary>
/// Keeps this replica's lease on one running test in a shared store: renews it every
/// <c>interval</c>, and when the store says the test ended elsewhere (cancelled from another
/// replica) or was claimed by another replica, cancels the run so the load stops at once. A store
/// that cannot be reached is retried until the lease would have expired; then the test counts as lost
/// (another replica may already be running it).
/// </summary>
/// <param name="leases">The shared store.</param>
/// <param name="interval">How often to renew (a fraction of the lease).</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
internal sealed class LeaseKeeper(ITestLeaseStore leases, TimeSpan interval, TimeProvider time, ILogger logger)
{
    /// <summary>The shared store.</summary>
    public ITestLeaseStore Store => leases;

    /// <summary>Renews until <paramref name="finished"/> fires (the run ended: Held) or the lease ends (cancels <paramref name="stopRun"/>).</summary>
    /// <param name="id">The test id.</param>
    /// <param name="stopRun">Cancelled when the lease is no longer held.</param>
    /// <param name="finished">Fires when the run has ended by itself.</param>
    /// <returns>The last state of the lease.</returns>
    public async Task<TestLeaseState> KeepAsync(Guid id, CancellationTokenSource stopRun, CancellationToken finished)
    {
        var lastRenewed = time.GetTimestamp();
        while (true)
        {
            TestLeaseState state;
            try
            {
                await Task.Delay(interval, time, finished).ConfigureAwait(false);
                state = await leases.RenewLeaseAsync(id, finished).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (finished.IsCancellationRequested)
            {
                return TestLeaseState.Held;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                RunnerLog.LeaseNotRenewed(logger, id, ex);
                if (time.GetElapsedTime(lastRenewed) < leases.LeaseDuration)
                {
                    continue;
                }

                state = TestLeaseState.Lost;
            }

            if (state == TestLeaseState.Held)
            {
                lastRenewed = time.GetTimestamp();
                continue;
            }

            RunnerLog.LeaseEnded(logger, id, state);
            await stopRun.CancelAsync().ConfigureAwait(false);
            return state;
        }
    }
}
