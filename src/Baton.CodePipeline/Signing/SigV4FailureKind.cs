namespace Baton.CodePipeline.Signing;

/// <summary>Why a request failed SigV4 verification.</summary>
public enum SigV4FailureKind
{
    /// <summary>No Authorization header and no presigned query parameters.</summary>
    MissingAuthentication,

    /// <summary>The Authorization header or the presigned query is incomplete or malformed (date included).</summary>
    IncompleteSignature,

    /// <summary>The credential scope names another region, service, date or terminator than expected.</summary>
    WrongScope,

    /// <summary>The request time is further from now than the allowed clock skew.</summary>
    RequestTimeSkewed,

    /// <summary>The presigned request's validity (<c>X-Amz-Expires</c>) has passed.</summary>
    PresignedRequestExpired,

    /// <summary>The access key id is unknown.</summary>
    UnknownAccessKey,

    /// <summary>The session token is missing, unexpected or wrong for the access key.</summary>
    InvalidSecurityToken,

    /// <summary>A header listed in SignedHeaders is absent, or the Host is not signed.</summary>
    MissingSignedHeader,

    /// <summary>The signature does not match the one calculated here.</summary>
    SignatureMismatch,
}
