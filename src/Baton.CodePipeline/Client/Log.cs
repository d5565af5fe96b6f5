using System.Net;
using Microsoft.Extensions.Logging;

namespace Baton.CodePipeline.Client;

/// <summary>
/// The client's log messages. They carry operations, error codes, attempts and delays; never
/// credentials, request bodies (job results can hold secrets) or signatures.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "EndpointResolved", Level = LogLevel.Debug,
        Message = "CodePipeline endpoint {Endpoint} (from {EndpointSource}), region {Region} (from {RegionSource})")]
    public static partial void EndpointResolved(ILogger logger, Uri endpoint, string endpointSource, string region, string regionSource);

    [LoggerMessage(EventId = 2, EventName = "RetryingServiceError", Level = LogLevel.Warning,
        Message = "CodePipeline {Operation} attempt {Attempt} of {MaxAttempts} failed with {ErrorCode} (HTTP {StatusCode}, request {RequestId}); retrying in {DelayMs} ms")]
    public static partial void RetryingServiceError(
        ILogger logger, string operation, int attempt, int maxAttempts, string errorCode, HttpStatusCode statusCode, string? requestId, long delayMs);

    [LoggerMessage(EventId = 3, EventName = "RetryingTransportError", Level = LogLevel.Warning,
        Message = "CodePipeline {Operation} attempt {Attempt} of {MaxAttempts} failed to reach the endpoint ({ErrorType}: {ErrorMessage}); retrying in {DelayMs} ms")]
    public static partial void RetryingTransportError(
        ILogger logger, string operation, int attempt, int maxAttempts, string errorType, string errorMessage, long delayMs);

    [LoggerMessage(EventId = 4, EventName = "AttemptsExhausted", Level = LogLevel.Debug,
        Message = "CodePipeline {Operation} failed after {Attempts} attempts with {ErrorCode}")]
    public static partial void AttemptsExhausted(ILogger logger, string operation, int attempts, string errorCode);
}
