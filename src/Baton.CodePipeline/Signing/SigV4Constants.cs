namespace Baton.CodePipeline.Signing;

/// <summary>
/// Names and fixed strings of AWS Signature Version 4 (headers, query parameters, algorithm).
/// </summary>
public static class SigV4Constants
{
    /// <summary>The only signing algorithm Baton speaks.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The last element of every credential scope.</summary>
    public const string ScopeTerminator = "aws4_request";

    /// <summary>The format of <c>X-Amz-Date</c>: ISO 8601 basic format in UTC.</summary>
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The format of the date element of a credential scope.</summary>
    public const string ScopeDateFormat = "yyyyMMdd";

    /// <summary>The <c>Authorization</c> header.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>The <c>Host</c> header.</summary>
    public const string HostHeader = "Host";

    /// <summary>The <c>Date</c> header, accepted when <c>X-Amz-Date</c> is absent.</summary>
    public const string DateHeader = "Date";

    /// <summary>The request time header.</summary>
    public const string AmzDateHeader = "X-Amz-Date";

    /// <summary>The session token header of temporary credentials.</summary>
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>The payload hash header (required by S3).</summary>
    public const string ContentSha256Header = "X-Amz-Content-Sha256";

    /// <summary>Presigned query parameter: the algorithm.</summary>
    public const string AlgorithmParameter = "X-Amz-Algorithm";

    /// <summary>Presigned query parameter: access key id and credential scope.</summary>
    public const string CredentialParameter = "X-Amz-Credential";

    /// <summary>Presigned query parameter: the request time.</summary>
    public const string DateParameter = "X-Amz-Date";

    /// <summary>Presigned query parameter: seconds the signature stays valid.</summary>
    public const string ExpiresParameter = "X-Amz-Expires";

    /// <summary>Presigned query parameter: the signed header names.</summary>
    public const string SignedHeadersParameter = "X-Amz-SignedHeaders";

    /// <summary>Presigned query parameter: the signature.</summary>
    public const string SignatureParameter = "X-Amz-Signature";

    /// <summary>Presigned query parameter: the session token.</summary>
    public const string SecurityTokenParameter = "X-Amz-Security-Token";

    /// <summary>The longest validity a presigned request may ask for (7 days, in seconds).</summary>
    public const int MaxPresignExpirySeconds = 604_800;
}
