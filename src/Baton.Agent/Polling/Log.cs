using Microsoft.Extensions.Logging;

namespace Baton.Agent.Polling;

/// <summary>The pollers' log messages (event ids 100–119).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Polling {ActionType} with up to {MaxConcurrency} jobs at a time.")]
    public static partial void PollingStarted(ILogger logger, string actionType, int maxConcurrency);

    [LoggerMessage(101, LogLevel.Warning, "Polling {ActionType} failed: {Failure}. Backing off (up to {ErrorBackoffMax}); the next message says when polling recovers.")]
    public static partial void PollFailing(ILogger logger, string actionType, string failure, TimeSpan errorBackoffMax, Exception exception);

    [LoggerMessage(102, LogLevel.Error, "Polling {ActionType} was rejected: {Failure}. Fix the cause (credentials, permissions, action type, queryParam); backing off (up to {ErrorBackoffMax}) meanwhile.")]
    public static partial void PollRejected(ILogger logger, string actionType, string failure, TimeSpan errorBackoffMax, Exception exception);

    [LoggerMessage(103, LogLevel.Information, "Polling {ActionType} recovered after {FailedPolls} failed poll(s) over {Duration}.")]
    public static partial void PollRecovered(ILogger logger, string actionType, int failedPolls, TimeSpan duration);

    [LoggerMessage(104, LogLevel.Debug, "Polled {Count} job(s) of {ActionType} with maxBatchSize {MaxBatchSize}.")]
    public static partial void Polled(ILogger logger, int count, string actionType, int maxBatchSize);

    [LoggerMessage(105, LogLevel.Warning, "CodePipeline returned more {ActionType} jobs than there are free slots; job {JobId} is left unacknowledged for CodePipeline to redeliver.")]
    public static partial void TooManyJobs(ILogger logger, string actionType, string jobId);

    [LoggerMessage(106, LogLevel.Error, "The step of job {JobId} ended with an unexpected {ExceptionType}; its slot is freed.")]
    public static partial void JobTaskFailed(ILogger logger, string jobId, string exceptionType, Exception exception);

    [LoggerMessage(107, LogLevel.Information, "Polling {ActionType} stopped.")]
    public static partial void PollingStopped(ILogger logger, string actionType);

    [LoggerMessage(108, LogLevel.Debug, "A continuation of {ActionType} was reported: polling again now instead of after idle wait {EmptyPolls}.")]
    public static partial void WokenByContinuation(ILogger logger, string actionType, int emptyPolls);
}
