namespace Baton.LoadTest.Store;

/// <summary>What renewing a lease found (<see cref="ITestLeaseStore.RenewLeaseAsync"/>).</summary>
public enum TestLeaseState
{
    /// <summary>This replica still owns the running test; the lease was extended.</summary>
    Held,

    /// <summary>The test is no longer running (cancelled from another replica, or gone): stop it and record nothing.</summary>
    Ended,

    /// <summary>Another replica claimed the test after this replica's lease expired: stop it and record nothing.</summary>
    Lost,
}
