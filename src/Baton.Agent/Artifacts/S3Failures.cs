using System.Net;
using Amazon.Runtime;

namespace Baton.Agent.Artifacts;

/// <summary>
/// Turns S3 failures into <see cref="ArtifactException"/>s whose message says which artifact,
/// where, what S3 answered, and what to check. Messages never include credentials.
/// </summary>
internal static class S3Failures
{
    private static readonly HashSet<string> _deniedCodes =
        new(["AccessDenied", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "InvalidToken", "TokenRefreshRequired", "SignatureDoesNotMatch", "KMS.AccessDeniedException"], StringComparer.Ordinal);

    private static readonly HashSet<string> _notFoundCodes = new(["NoSuchKey", "NoSuchBucket", "NotFound"], StringComparer.Ordinal);

    public static ArtifactException FromService(S3Call call, AmazonServiceException ex, bool afterRefresh)
    {
        var code = string.IsNullOrEmpty(ex.ErrorCode) ? ((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.ErrorCode;
        var answer = $"{code}: {ex.Message}";
        if (_deniedCodes.Contains(code) || ex.StatusCode == HttpStatusCode.Forbidden)
        {
            var refreshed = afterRefresh ? ", also after Baton re-fetched them from CodePipeline" : string.Empty;
            return new ArtifactException(ArtifactFailureReason.AccessDenied, call.ArtifactName,
                $"S3 refused {call.Operation} of {call.Kind.ToLowerInvariant()} artifact '{call.ArtifactName}' at {call.Location} with the job's artifact credentials{refreshed} ({answer}). "
                + "Check that the artifact store bucket policy and its KMS key policy allow the credentials CodePipeline hands to the job.",
                ex);
        }

        if (call.IsInput && (_notFoundCodes.Contains(code) || ex.StatusCode == HttpStatusCode.NotFound))
        {
            return new ArtifactException(ArtifactFailureReason.NotFound, call.ArtifactName,
                $"Input artifact '{call.ArtifactName}' was not found at {call.Location} ({answer}). The revision may have been removed from the artifact store; start a new pipeline execution.",
                ex);
        }

        if ((int)ex.StatusCode >= 500 || code is "SlowDown" or "ServiceUnavailable" or "InternalError")
        {
            return new ArtifactException(ArtifactFailureReason.Unavailable, call.ArtifactName,
                $"S3 was unavailable during {call.Operation} of {call.Kind.ToLowerInvariant()} artifact '{call.ArtifactName}' at {call.Location} ({answer}). Retry the action.",
                ex);
        }

        return new ArtifactException(ArtifactFailureReason.TransferFailed, call.ArtifactName,
            $"S3 rejected {call.Operation} of {call.Kind.ToLowerInvariant()} artifact '{call.ArtifactName}' at {call.Location} ({answer}).",
            ex);
    }

    public static ArtifactException Unreachable(S3Call call, Exception ex) =>
        new(ArtifactFailureReason.Unavailable, call.ArtifactName,
            $"S3 could not be reached during {call.Operation} of {call.Kind.ToLowerInvariant()} artifact '{call.ArtifactName}' at {call.Location} ({ex.GetType().Name}: {ex.Message}). "
            + "Check the agent's S3 endpoint (Baton:Agent:Artifacts:ServiceUrl or AWS_ENDPOINT_URL_S3) and network.",
            ex);

    public static ArtifactException CannotRefresh(S3Call call, string why, string detail, Exception? ex) =>
        new(ArtifactFailureReason.AccessDenied, call.ArtifactName,
            $"The job's artifact credentials could not be used for {call.Operation} of {call.Kind.ToLowerInvariant()} artifact '{call.ArtifactName}' at {call.Location} ({why}), and {detail}.",
            ex);
}
