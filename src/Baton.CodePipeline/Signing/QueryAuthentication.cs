using System.Globalization;

namespace Baton.CodePipeline.Signing;

/// <summary>Reads the authentication of a presigned request (signature in the query string).</summary>
internal static class QueryAuthentication
{
    private static readonly string[] _required =
    [
        SigV4Constants.AlgorithmParameter, SigV4Constants.CredentialParameter, SigV4Constants.SignatureParameter,
        SigV4Constants.DateParameter, SigV4Constants.SignedHeadersParameter, SigV4Constants.ExpiresParameter,
    ];

    /// <summary>Parses the X-Amz-* parameters; checks the expiry and the clock skew.</summary>
    public static (SignedRequest? Signed, SigV4Failure? Failure) Read(SigV4Request request, DateTimeOffset now, TimeSpan maxSkew)
    {
        var missing = _required.Where(name => string.IsNullOrEmpty(request.GetQueryParameter(name))).ToList();
        if (missing.Count > 0)
        {
            return (null, SigV4Failure.IncompleteQuery(
                $"AWS query-string parameters must include {string.Join(", ", missing.Select(m => $"'{m}'"))}. Re-examine the query-string parameters."));
        }

        var algorithm = request.GetQueryParameter(SigV4Constants.AlgorithmParameter)!;
        if (!string.Equals(algorithm, SigV4Constants.Algorithm, StringComparison.Ordinal))
        {
            return (null, SigV4Failure.IncompleteQuery($"X-Amz-Algorithm only supports \"{SigV4Constants.Algorithm}\", got \"{algorithm}\"."));
        }

        var credential = request.GetQueryParameter(SigV4Constants.CredentialParameter)!;
        if (!CredentialScope.TryParseCredential(credential, out var accessKeyId, out var scope))
        {
            return (null, SigV4Failure.IncompleteQuery(
                $"X-Amz-Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'."));
        }

        var amzDate = request.GetQueryParameter(SigV4Constants.DateParameter)!;
        if (!SigV4Verifier.TryParseAmzDate(amzDate, out var time))
        {
            return (null, SigV4Failure.InvalidDate(amzDate));
        }

        var expiresText = request.GetQueryParameter(SigV4Constants.ExpiresParameter)!;
        if (!int.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (null, SigV4Failure.IncompleteQuery($"X-Amz-Expires should be a number of seconds, got '{expiresText}'."));
        }

        if (expires > SigV4Constants.MaxPresignExpirySeconds)
        {
            return (null, SigV4Failure.IncompleteQuery("X-Amz-Expires must be less than a week (in seconds) that is 604800"));
        }

        var expiresAt = time.AddSeconds(expires);
        if (now > expiresAt)
        {
            return (null, SigV4Failure.PresignExpired(
                $"Request has expired: signed at {amzDate} for {expires} seconds, it expired at {SigV4Signer.FormatAmzDate(expiresAt)}; it is now {SigV4Signer.FormatAmzDate(now)}."));
        }

        if (time > now + maxSkew)
        {
            return (null, SigV4Verifier.CheckSkew(time, amzDate, now, maxSkew));
        }

        var signature = new RequestSignature(
            accessKeyId,
            scope,
            RequestSignature.ParseSignedHeaders(request.GetQueryParameter(SigV4Constants.SignedHeadersParameter)!),
            request.GetQueryParameter(SigV4Constants.SignatureParameter)!);
        var token = request.GetQueryParameter(SigV4Constants.SecurityTokenParameter) ?? request.GetHeader(SigV4Constants.SecurityTokenHeader);
        return (new SignedRequest(signature, amzDate, token, IsPresigned: true), null);
    }
}
