namespace Baton.CodePipeline.Signing;

/// <summary>
/// The error codes AWS answers authentication failures with: the JSON-protocol services'
/// (CodePipeline's <c>__type</c>) and S3's XML <c>Code</c> names.
/// </summary>
public static class SigV4ErrorCodes
{
    /// <summary>JSON services: no Authorization header and no presigned query.</summary>
    public const string MissingAuthenticationToken = "MissingAuthenticationToken";

    /// <summary>JSON services: the Authorization header or presigned query lacks or garbles a part.</summary>
    public const string IncompleteSignature = "IncompleteSignature";

    /// <summary>JSON services: the access key id or the session token is not known.</summary>
    public const string UnrecognizedClient = "UnrecognizedClientException";

    /// <summary>JSON services: the signature, its scope or its time is wrong.</summary>
    public const string InvalidSignature = "InvalidSignatureException";

    /// <summary>S3: anonymous request, or a presigned request that has expired.</summary>
    public const string S3AccessDenied = "AccessDenied";

    /// <summary>S3: the Authorization header is malformed or scoped to the wrong region or service.</summary>
    public const string S3AuthorizationHeaderMalformed = "AuthorizationHeaderMalformed";

    /// <summary>S3: the presigned query parameters are malformed.</summary>
    public const string S3AuthorizationQueryParametersError = "AuthorizationQueryParametersError";

    /// <summary>S3: the access key id is not known.</summary>
    public const string S3InvalidAccessKeyId = "InvalidAccessKeyId";

    /// <summary>S3: the session token is not valid for the access key.</summary>
    public const string S3InvalidToken = "InvalidToken";

    /// <summary>S3: the signature does not match.</summary>
    public const string S3SignatureDoesNotMatch = "SignatureDoesNotMatch";

    /// <summary>S3: the request time is too far from the server's.</summary>
    public const string S3RequestTimeTooSkewed = "RequestTimeTooSkewed";
}
