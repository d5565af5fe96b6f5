namespace Baton.LoadTest.Store;

/// <summary>
/// The leases of a store shared by several service replicas (PostgreSQL). A replica owns each test
/// it claims until its lease expires; the runner renews the lease while the test runs, stops the
/// test when the lease says it ended elsewhere or was lost, and hands it back on a graceful stop.
/// A single-node store (SQLite) has no leases and does not implement this.
/// </summary>
public interface ITestLeaseStore
{
    /// <summary>How long a claimed test stays owned after its last renewal.</summary>
    TimeSpan LeaseDuration { get; }

    /// <summary>Extends this replica's lease on a running test, when it still holds it.</summary>
    /// <param name="id">The test id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="TestLeaseState.Held"/> (renewed), <see cref="TestLeaseState.Ended"/> (the test is no
    /// longer running: cancelled from another replica, say) or <see cref="TestLeaseState.Lost"/>
    /// (another replica claimed it after this replica's lease expired).
    /// </returns>
    Task<TestLeaseState> RenewLeaseAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Hands a running test this replica owns back to the others (its lease ends now), so the next
    /// claim by any replica re-runs it. Does nothing when this replica does not own it.
    /// </summary>
    /// <param name="id">The test id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task ReleaseLeaseAsync(Guid id, CancellationToken cancellationToken);
}
