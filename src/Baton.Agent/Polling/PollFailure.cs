using System.Net;
using System.Net.Sockets;
using Baton.CodePipeline;

namespace Baton.Agent.Polling;

/// <summary>
/// What went wrong with a poll, in words for the log and the health check. Throttling, server
/// errors and transport failures are transient; any other service error (access denied, an unknown
/// action type, a bad <c>queryParam</c>) is a rejection that will not go away by itself.
/// </summary>
/// <param name="Description">A short description without secrets, e.g. "throttled (ThrottlingException)".</param>
/// <param name="IsTransient">Whether waiting and polling again can help.</param>
internal sealed record PollFailure(string Description, bool IsTransient)
{
    private static readonly HashSet<string> _throttlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded", "SlowDown",
    };

    /// <summary>Classifies a poll's exception.</summary>
    /// <param name="exception">The exception the poll threw.</param>
    public static PollFailure Classify(Exception exception) => exception switch
    {
        CodePipelineServiceException e when _throttlingCodes.Contains(e.ErrorCode) || e.StatusCode == HttpStatusCode.TooManyRequests =>
            new($"throttled ({e.ErrorCode})", IsTransient: true),
        CodePipelineServiceException e when (int)e.StatusCode >= 500 =>
            new($"server error {e.ErrorCode} (HTTP {(int)e.StatusCode})", IsTransient: true),
        CodePipelineServiceException e =>
            new($"rejected with {e.ErrorCode} (HTTP {(int)e.StatusCode}): {e.Message}", IsTransient: false),
        HttpRequestException or IOException or SocketException =>
            new($"transport failure ({exception.GetType().Name}: {exception.Message})", IsTransient: true),
        OperationCanceledException =>
            new("timed out", IsTransient: true),
        _ => new($"unexpected {exception.GetType().Name}: {exception.Message}", IsTransient: false),
    };
}
