namespace Baton.Emulator.S3.Auth;

/// <summary>
/// Decides whether a request may perform its operation, for example to confine a job's
/// temporary artifact credentials to the job's artifact locations. A denial is answered
/// <c>AccessDenied</c> (403). The default allows everything.
/// </summary>
public interface IS3RequestAuthorizer
{
    /// <summary>Returns <see langword="true"/> to allow the request.</summary>
    /// <param name="request">Who asks for what.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    ValueTask<bool> AuthorizeAsync(S3AuthorizationRequest request, CancellationToken cancellationToken);
}

/// <summary>The facts an <see cref="IS3RequestAuthorizer"/> decides on.</summary>
/// <param name="AccessKeyId">
/// The access key id of the request's signature; <see langword="null"/> for an unsigned request.
/// </param>
/// <param name="SignatureVerified">
/// <see langword="true"/> when the signature was verified; <see langword="false"/> when signature
/// verification is off and <paramref name="AccessKeyId"/> is only what the client claims.
/// </param>
/// <param name="Operation">The S3 operation.</param>
/// <param name="Bucket">The bucket, or <see langword="null"/> for ListBuckets.</param>
/// <param name="Key">The object key, or <see langword="null"/> for bucket operations.</param>
public sealed record S3AuthorizationRequest(string? AccessKeyId, bool SignatureVerified, S3Operation Operation, string? Bucket, string? Key);

/// <summary>The default <see cref="IS3RequestAuthorizer"/>: allows every request.</summary>
public sealed class AllowAllS3RequestAuthorizer : IS3RequestAuthorizer
{
    /// <inheritdoc />
    public ValueTask<bool> AuthorizeAsync(S3AuthorizationRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(true);
}
