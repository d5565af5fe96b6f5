using Baton.LoadTest.Store;

namespace Baton.LoadTest.Running;

/// <summary>The runner's log messages about leases in a store shared by replicas.</summary>
internal static partial class RunnerLog
{
    [LoggerMessage(30, LogLevel.Warning, "The lease on load test {TestId} could not be renewed; retrying until it would expire.")]
    public static partial void LeaseNotRenewed(ILogger logger, Guid testId, Exception exception);

    [LoggerMessage(31, LogLevel.Information, "Load test {TestId} stopped here: its lease is {State} (ended or cancelled on another replica, or claimed by one). Nothing more is recorded by this replica.")]
    public static partial void LeaseEnded(ILogger logger, Guid testId, TestLeaseState state);

    [LoggerMessage(32, LogLevel.Information, "Load test {TestId} handed back after {Seconds} s: the service is stopping, another replica re-runs it from the start.")]
    public static partial void TestHandedBack(ILogger logger, Guid testId, int seconds);

    [LoggerMessage(33, LogLevel.Warning, "Load test {TestId} could not be handed back; another replica re-runs it once its lease expires.")]
    public static partial void HandBackFailed(ILogger logger, Guid testId, Exception exception);
}
