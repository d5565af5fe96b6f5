using System.Globalization;

namespace Baton.CodePipeline.Signing;

/// <summary>
/// Verifies SigV4 signatures, in the Authorization header or presigned in the query string, and answers
/// failures with AWS's own error codes and messages. Thread-safe; share one instance (it caches keys).
/// </summary>
public sealed class SigV4Verifier
{
    private readonly SigningKeyCache _keys = new();

    /// <summary>Verifies a request.</summary>
    /// <param name="request">The request as the server received it.</param>
    /// <param name="lookup">Finds the credentials of an access key id; null when unknown.</param>
    /// <param name="now">The server's current time.</param>
    /// <param name="options">The expected service and region, and the rules of the service.</param>
    public SigV4VerificationResult Verify(
        SigV4Request request,
        Func<string, AwsCredentials?> lookup,
        DateTimeOffset now,
        SigV4VerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(options);

        var authorization = request.GetHeader(SigV4Constants.AuthorizationHeader);
        SigV4Failure? failure;
        SignedRequest? signed;
        if (authorization is not null)
        {
            (signed, failure) = HeaderAuthentication.Read(request, authorization, now, options.MaxClockSkew);
        }
        else if (request.QueryParameters.Any(p =>
                     p.Name is SigV4Constants.AlgorithmParameter or SigV4Constants.CredentialParameter or SigV4Constants.SignatureParameter))
        {
            (signed, failure) = QueryAuthentication.Read(request, now, options.MaxClockSkew);
        }
        else
        {
            return SigV4VerificationResult.Fail(SigV4Failure.MissingAuthentication());
        }

        if (signed is null)
        {
            return SigV4VerificationResult.Fail(failure!);
        }

        failure = CheckScope(signed, options) ?? CheckSignedHeaders(request, signed.Signature.SignedHeaders);
        if (failure is not null)
        {
            return SigV4VerificationResult.Fail(failure);
        }

        var credentials = lookup(signed.Signature.AccessKeyId);
        if (credentials is null)
        {
            return SigV4VerificationResult.Fail(SigV4Failure.UnknownAccessKey());
        }

        if (!SessionTokenMatches(credentials.SessionToken, signed.SessionToken))
        {
            return SigV4VerificationResult.Fail(SigV4Failure.InvalidSecurityToken());
        }

        var canonical = CanonicalRequest.Build(
            request, signed.Signature.SignedHeaders, options.Signing, ExcludedQueryParameters(signed, options.Signing));
        var stringToSign = SigV4SigningKey.StringToSign(signed.AmzDate, signed.Signature.Scope, canonical);
        var signingKey = _keys.Get(credentials, signed.Signature.Scope);
        var expected = SigV4SigningKey.Sign(signingKey, stringToSign);
        return SigV4SigningKey.SignaturesEqual(expected, signed.Signature.Signature)
            ? SigV4VerificationResult.Success(signed.Signature, signed.AmzDate, signed.IsPresigned, signingKey)
            : SigV4VerificationResult.Fail(SigV4Failure.Mismatch(canonical, stringToSign));
    }

    /// <summary>Checks that the request time is within <paramref name="maxSkew"/> of now, with AWS's wording.</summary>
    internal static SigV4Failure? CheckSkew(DateTimeOffset requestTime, string amzDate, DateTimeOffset now, TimeSpan maxSkew)
    {
        var minutes = maxSkew.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
        var nowText = SigV4Signer.FormatAmzDate(now);
        if (requestTime < now - maxSkew)
        {
            return SigV4Failure.Skewed(
                $"Signature expired: {amzDate} is now earlier than {SigV4Signer.FormatAmzDate(now - maxSkew)} ({nowText} - {minutes} min.)");
        }

        return requestTime > now + maxSkew
            ? SigV4Failure.Skewed(
                $"Signature not yet current: {amzDate} is still later than {SigV4Signer.FormatAmzDate(now + maxSkew)} ({nowText} + {minutes} min.)")
            : null;
    }

    /// <summary>Parses <c>yyyyMMddTHHmmssZ</c>.</summary>
    internal static bool TryParseAmzDate(string? value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(
            value, SigV4Constants.AmzDateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static SigV4Failure? CheckScope(SignedRequest signed, SigV4VerifierOptions options)
    {
        var scope = signed.Signature.Scope;
        if (!string.Equals(scope.Terminator, SigV4Constants.ScopeTerminator, StringComparison.Ordinal))
        {
            return SigV4Failure.WrongTerminator(scope.Terminator);
        }

        if (!string.Equals(scope.Service, options.Service, StringComparison.Ordinal))
        {
            return SigV4Failure.WrongService(options.Service, scope.Service);
        }

        if (options.Region is { } region && !string.Equals(scope.Region, region, StringComparison.Ordinal))
        {
            return SigV4Failure.WrongRegion(region, scope.Region);
        }

        return string.Equals(scope.Date, signed.AmzDate[..8], StringComparison.Ordinal)
            ? null
            : SigV4Failure.WrongScopeDate(scope.Date, signed.AmzDate);
    }

    private static SigV4Failure? CheckSignedHeaders(SigV4Request request, IReadOnlyList<string> signedHeaders)
    {
        if (!signedHeaders.Contains("host", StringComparer.Ordinal))
        {
            return SigV4Failure.MissingSignedHeader("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var absent = signedHeaders.FirstOrDefault(name => !request.HasHeader(name));
        return absent is null
            ? null
            : SigV4Failure.MissingSignedHeader(
                $"The header '{absent}' is listed in SignedHeaders but is not present in the request; send it or do not sign it.");
    }

    /// <summary>A presigned request's own signature is not signed, nor a session token added after signing.</summary>
    private static string[] ExcludedQueryParameters(SignedRequest signed, SigV4SigningOptions signing) =>
        (signed.IsPresigned, signing.OmitSessionTokenFromSignature) switch
        {
            (false, _) => [],
            (true, false) => [SigV4Constants.SignatureParameter],
            (true, true) => [SigV4Constants.SignatureParameter, SigV4Constants.SecurityTokenParameter],
        };

    private static bool SessionTokenMatches(string? expected, string? provided) =>
        (expected, provided) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            _ => SigV4SigningKey.SignaturesEqual(expected, provided),
        };
}
