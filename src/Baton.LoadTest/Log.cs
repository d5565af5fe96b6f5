using Baton.LoadTest.Contracts;

namespace Baton.LoadTest;

/// <summary>The load-test service's and handler's log messages. API keys and client tokens never appear here.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Load test {TestId} of account {AccountId} is starting.")]
    public static partial void TestStarting(ILogger logger, Guid testId, string accountId);

    [LoggerMessage(2, LogLevel.Information, "Load test {TestId} ended {Status}. {Reason}")]
    public static partial void TestEnded(ILogger logger, Guid testId, TestStatus status, string? reason);

    [LoggerMessage(3, LogLevel.Warning, "Load test {TestId} was running when the service last stopped: {Reason}")]
    public static partial void TestInterrupted(ILogger logger, Guid testId, string? reason);

    [LoggerMessage(4, LogLevel.Error, "The load engine failed on test {TestId}.")]
    public static partial void EngineFailed(ILogger logger, Guid testId, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Second {Second} of load test {TestId} could not be stored.")]
    public static partial void SecondNotStored(ILogger logger, Guid testId, int second, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "Could not claim the next queued load test; waiting for the next one to be queued.")]
    public static partial void ClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Error, "Running load test {TestId} failed.")]
    public static partial void ExecutionFailed(ILogger logger, Guid testId, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Load test {TestId} queued for account {AccountId}.")]
    public static partial void TestQueued(ILogger logger, Guid testId, string accountId);

    [LoggerMessage(9, LogLevel.Information, "Client {ClientId} connected to account {AccountId}.")]
    public static partial void ClientConnected(ILogger logger, string clientId, string accountId);

    [LoggerMessage(20, LogLevel.Warning, "The load-test service at {Service} is unreachable (attempt {Attempt}): {Error}. Retrying in {Delay}.")]
    public static partial void ServiceUnreachable(ILogger logger, Uri service, int attempt, string error, TimeSpan delay);

    [LoggerMessage(21, LogLevel.Information, "The load-test service at {Service} answered again after {Attempts} attempts.")]
    public static partial void ServiceReachable(ILogger logger, Uri service, int attempts);
}
