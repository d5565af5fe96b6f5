using System.Globalization;

namespace Baton.CodePipeline.Signing;

/// <summary>
/// Signs requests with AWS Signature Version 4, in the Authorization header or in the query string
/// (presigning). Thread-safe; keeps a cache of derived signing keys, so share one instance.
/// </summary>
public sealed partial class SigV4Signer
{
    private readonly SigningKeyCache _keys = new();

    /// <summary>Signs a neutral request and returns the headers to add to it.</summary>
    /// <param name="request">The request as it will be sent (its Host header included).</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="service">The signing name of the service.</param>
    /// <param name="now">The signing time.</param>
    /// <param name="options">The service's rules; <see cref="SigV4SigningOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The request has no Host header.</exception>
    public SigV4SigningResult Sign(
        SigV4Request request,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset now,
        SigV4SigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        RequireHost(request);
        options ??= SigV4SigningOptions.Default;
        var scope = CredentialScope.For(now, region, service);
        var amzDate = FormatAmzDate(now);

        var added = new List<KeyValuePair<string, string>> { new(SigV4Constants.AmzDateHeader, amzDate) };
        if (options.AddContentSha256Header)
        {
            added.Add(new(SigV4Constants.ContentSha256Header, request.PayloadHash));
        }

        var tokenHeader = credentials.SessionToken is { } token
            ? new KeyValuePair<string, string>(SigV4Constants.SecurityTokenHeader, token)
            : (KeyValuePair<string, string>?)null;
        if (tokenHeader is { } signedToken && !options.OmitSessionTokenFromSignature)
        {
            added.Add(signedToken);
        }

        var toSign = request.WithHeaders(added);
        var signedHeaders = CanonicalRequest.SignableHeaderNames(toSign);
        var canonical = CanonicalRequest.Build(toSign, signedHeaders, options);
        var stringToSign = SigV4SigningKey.StringToSign(amzDate, scope, canonical);
        var signature = SigV4SigningKey.Sign(_keys.Get(credentials, scope), stringToSign);
        var signatureHeader = new RequestSignature(credentials.AccessKeyId, scope, signedHeaders, signature);

        if (tokenHeader is { } unsignedToken && options.OmitSessionTokenFromSignature)
        {
            added.Add(unsignedToken);
        }

        added.Add(new(SigV4Constants.AuthorizationHeader, signatureHeader.ToAuthorizationHeader()));
        return new SigV4SigningResult
        {
            CanonicalRequest = canonical,
            StringToSign = stringToSign,
            Signature = signature,
            SignedHeaders = string.Join(';', signedHeaders),
            Scope = scope,
            AmzDate = amzDate,
            HeadersToAdd = added,
        };
    }

    /// <summary>Presigns a neutral request: the signature travels in the query string.</summary>
    /// <param name="request">The request; its payload hash is signed as given (S3 uses <c>UNSIGNED-PAYLOAD</c>).</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="service">The signing name of the service.</param>
    /// <param name="now">The signing time.</param>
    /// <param name="expires">How long the request stays valid: 1 second to 7 days.</param>
    /// <param name="options">The service's rules; <see cref="SigV4SigningOptions.Default"/> when null.</param>
    public SigV4SigningResult Presign(
        SigV4Request request,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset now,
        TimeSpan expires,
        SigV4SigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        RequireHost(request);
        var expirySeconds = (long)expires.TotalSeconds;
        if (expirySeconds is < 1 or > SigV4Constants.MaxPresignExpirySeconds)
        {
            throw new ArgumentOutOfRangeException(
                nameof(expires), expires, "A presigned request must expire after 1 second to 7 days (604800 seconds).");
        }

        options ??= SigV4SigningOptions.Default;
        var scope = CredentialScope.For(now, region, service);
        var amzDate = FormatAmzDate(now);
        var signedHeaders = CanonicalRequest.SignableHeaderNames(request);
        var authParameters = new List<(string Name, string Value)>
        {
            (SigV4Constants.AlgorithmParameter, SigV4Constants.Algorithm),
            (SigV4Constants.CredentialParameter, $"{credentials.AccessKeyId}/{scope}"),
            (SigV4Constants.DateParameter, amzDate),
            (SigV4Constants.ExpiresParameter, expirySeconds.ToString(CultureInfo.InvariantCulture)),
            (SigV4Constants.SignedHeadersParameter, string.Join(';', signedHeaders)),
        };
        if (credentials.SessionToken is { } token && !options.OmitSessionTokenFromSignature)
        {
            authParameters.Add((SigV4Constants.SecurityTokenParameter, token));
        }

        var toSign = request.WithQuery(AppendQuery(request.RawQuery, authParameters));
        var canonical = CanonicalRequest.Build(toSign, signedHeaders, options);
        var stringToSign = SigV4SigningKey.StringToSign(amzDate, scope, canonical);
        var signature = SigV4SigningKey.Sign(_keys.Get(credentials, scope), stringToSign);

        var trailer = new List<(string Name, string Value)>();
        if (credentials.SessionToken is { } unsignedToken && options.OmitSessionTokenFromSignature)
        {
            trailer.Add((SigV4Constants.SecurityTokenParameter, unsignedToken));
        }

        trailer.Add((SigV4Constants.SignatureParameter, signature));
        return new SigV4SigningResult
        {
            CanonicalRequest = canonical,
            StringToSign = stringToSign,
            Signature = signature,
            SignedHeaders = string.Join(';', signedHeaders),
            Scope = scope,
            AmzDate = amzDate,
            PresignedQuery = AppendQuery(toSign.RawQuery, trailer),
        };
    }

    /// <summary>Formats a time as <c>X-Amz-Date</c> (<c>yyyyMMddTHHmmssZ</c>, UTC).</summary>
    /// <param name="time">The time.</param>
    public static string FormatAmzDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString(SigV4Constants.AmzDateFormat, CultureInfo.InvariantCulture);

    private static string AppendQuery(string rawQuery, IEnumerable<(string Name, string Value)> parameters)
    {
        var encoded = parameters.Select(p => SigV4Encoding.UriEncode(p.Name) + "=" + SigV4Encoding.UriEncode(p.Value));
        return string.Join('&', (rawQuery.Length == 0 ? [] : new[] { rawQuery }).Concat(encoded));
    }

    private static void RequireHost(SigV4Request request)
    {
        if (!request.HasHeader(SigV4Constants.HostHeader))
        {
            throw new ArgumentException(
                "The request has no Host header; SigV4 signs the host, so add the Host the request will carry.",
                nameof(request));
        }
    }
}
