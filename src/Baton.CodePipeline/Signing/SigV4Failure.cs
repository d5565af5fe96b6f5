namespace Baton.CodePipeline.Signing;

/// <summary>
/// A verification failure in the words AWS uses: the JSON services' code and message (CodePipeline
/// answers HTTP 400 with them, 403 for <see cref="SigV4ErrorCodes.MissingAuthenticationToken"/>) and
/// S3's code and message for the same failure.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Code">The JSON-protocol error code (<c>__type</c>).</param>
/// <param name="Message">The JSON-protocol message, AWS's wording.</param>
/// <param name="S3Code">The S3 error code for the same failure.</param>
/// <param name="S3Message">The S3 message for the same failure.</param>
public sealed record SigV4Failure(SigV4FailureKind Kind, string Code, string Message, string S3Code, string S3Message)
{
    private const string MismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private const string S3MismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

    /// <summary>The canonical request calculated here (signature mismatches only; S3 echoes it).</summary>
    public string? CanonicalRequest { get; init; }

    /// <summary>The string to sign calculated here (signature mismatches only; S3 echoes it).</summary>
    public string? StringToSign { get; init; }

    internal static SigV4Failure MissingAuthentication() => new(
        SigV4FailureKind.MissingAuthentication, SigV4ErrorCodes.MissingAuthenticationToken, "Missing Authentication Token",
        SigV4ErrorCodes.S3AccessDenied, "Access Denied");

    internal static SigV4Failure IncompleteHeader(string message, string authorization) => new(
        SigV4FailureKind.IncompleteSignature, SigV4ErrorCodes.IncompleteSignature, $"{message} Authorization={authorization}",
        SigV4ErrorCodes.S3AuthorizationHeaderMalformed,
        "The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.");

    internal static SigV4Failure IncompleteQuery(string message) => new(
        SigV4FailureKind.IncompleteSignature, SigV4ErrorCodes.IncompleteSignature, message,
        SigV4ErrorCodes.S3AuthorizationQueryParametersError, message);

    internal static SigV4Failure InvalidDate(string value) => new(
        SigV4FailureKind.IncompleteSignature, SigV4ErrorCodes.IncompleteSignature,
        $"Date must be in ISO-8601 'basic format'. Got '{value}'. See http://en.wikipedia.org/wiki/ISO_8601",
        SigV4ErrorCodes.S3AccessDenied, $"X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\", got '{value}'.");

    internal static SigV4Failure WrongService(string expected, string actual) => new(
        SigV4FailureKind.WrongScope, SigV4ErrorCodes.InvalidSignature, $"Credential should be scoped to correct service: '{expected}'. ",
        SigV4ErrorCodes.S3AuthorizationHeaderMalformed,
        $"The authorization header is malformed; incorrect service \"{actual}\". This endpoint belongs to \"{expected}\".");

    internal static SigV4Failure WrongRegion(string expected, string actual) => new(
        SigV4FailureKind.WrongScope, SigV4ErrorCodes.InvalidSignature, $"Credential should be scoped to a valid region, not '{actual}'. ",
        SigV4ErrorCodes.S3AuthorizationHeaderMalformed,
        $"The authorization header is malformed; the region '{actual}' is wrong; expecting '{expected}'");

    internal static SigV4Failure WrongTerminator(string actual) => new(
        SigV4FailureKind.WrongScope, SigV4ErrorCodes.InvalidSignature,
        $"Credential should be scoped with a valid terminator: 'aws4_request', not '{actual}'. ",
        SigV4ErrorCodes.S3AuthorizationHeaderMalformed,
        $"The authorization header is malformed; incorrect terminal \"{actual}\". This endpoint uses \"aws4_request\".");

    internal static SigV4Failure WrongScopeDate(string scopeDate, string amzDate) => new(
        SigV4FailureKind.WrongScope, SigV4ErrorCodes.InvalidSignature,
        $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{amzDate[..8]}', from '{amzDate}'.",
        SigV4ErrorCodes.S3AuthorizationHeaderMalformed,
        $"The authorization header is malformed; Invalid credential date \"{scopeDate}\". This date is not the same as X-Amz-Date: \"{amzDate[..8]}\".");

    internal static SigV4Failure Skewed(string message) => new(
        SigV4FailureKind.RequestTimeSkewed, SigV4ErrorCodes.InvalidSignature, message,
        SigV4ErrorCodes.S3RequestTimeTooSkewed, "The difference between the request time and the current time is too large.");

    internal static SigV4Failure PresignExpired(string message) => new(
        SigV4FailureKind.PresignedRequestExpired, SigV4ErrorCodes.InvalidSignature, message,
        SigV4ErrorCodes.S3AccessDenied, "Request has expired");

    internal static SigV4Failure UnknownAccessKey() => new(
        SigV4FailureKind.UnknownAccessKey, SigV4ErrorCodes.UnrecognizedClient, "The security token included in the request is invalid.",
        SigV4ErrorCodes.S3InvalidAccessKeyId, "The AWS Access Key Id you provided does not exist in our records.");

    internal static SigV4Failure InvalidSecurityToken() => new(
        SigV4FailureKind.InvalidSecurityToken, SigV4ErrorCodes.UnrecognizedClient, "The security token included in the request is invalid.",
        SigV4ErrorCodes.S3InvalidToken, "The provided token is malformed or otherwise invalid.");

    internal static SigV4Failure MissingSignedHeader(string message) => new(
        SigV4FailureKind.MissingSignedHeader, SigV4ErrorCodes.InvalidSignature, message,
        SigV4ErrorCodes.S3SignatureDoesNotMatch, message);

    internal static SigV4Failure Mismatch(string canonicalRequest, string stringToSign) => new(
        SigV4FailureKind.SignatureMismatch, SigV4ErrorCodes.InvalidSignature, MismatchMessage,
        SigV4ErrorCodes.S3SignatureDoesNotMatch, S3MismatchMessage)
    {
        CanonicalRequest = canonicalRequest,
        StringToSign = stringToSign,
    };
}
