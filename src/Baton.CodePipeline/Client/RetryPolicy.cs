using System.Collections.Frozen;
using System.Net;
using System.Net.Sockets;

namespace Baton.CodePipeline.Client;

/// <summary>
/// Which failures are worth another attempt, and how long to wait first. The error lists follow
/// the AWS SDKs' standard retry mode (botocore <c>retries/standard.py</c>, the .NET SDK's
/// <c>RetryPolicy</c>): throttling codes, transient codes, HTTP 429/500/502/503/504 and transport
/// failures. The wait is "full jitter": a random fraction of
/// <c>min(maxDelay, baseDelay × 2^(attempt−1))</c>.
/// </summary>
internal sealed class RetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, Func<double> jitter)
{
    private static readonly FrozenSet<string> _throttlingCodes = FrozenSet.ToFrozenSet(
    [
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "RequestThrottled",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "SlowDown",
        "PriorRequestNotComplete",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _transientCodes = FrozenSet.ToFrozenSet(
        ["RequestTimeout", "RequestTimeoutException"], StringComparer.Ordinal);

    /// <summary>How many attempts one call gets in all.</summary>
    public int MaxAttempts { get; } = maxAttempts;

    /// <summary>True when the service error is throttling or transient.</summary>
    public static bool IsRetryable(CodePipelineServiceException error) =>
        _throttlingCodes.Contains(error.ErrorCode)
        || _transientCodes.Contains(error.ErrorCode)
        || error.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// True when the exception is a transport failure: a refused or reset connection, a broken
    /// response stream, or an HttpClient timeout (a cancellation the caller did not ask for).
    /// </summary>
    public static bool IsTransportFailure(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested,
        HttpRequestException or IOException or SocketException => true,
        _ => false,
    };

    /// <summary>The wait before the attempt after <paramref name="failedAttempt"/> (1-based).</summary>
    public TimeSpan Delay(int failedAttempt)
    {
        var exponent = Math.Min(failedAttempt - 1, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var fraction = Math.Clamp(jitter(), 0, 1);
        return TimeSpan.FromMilliseconds(Math.Floor(fraction * ceiling));
    }
}
