namespace Baton.CodePipeline.Signing;

/// <summary>Signing of <see cref="HttpRequestMessage"/>: the client side (agent, CLI).</summary>
public sealed partial class SigV4Signer
{
    private static readonly string[] _headersReplacedBySigning =
    [
        SigV4Constants.AuthorizationHeader, SigV4Constants.AmzDateHeader,
        SigV4Constants.SecurityTokenHeader, SigV4Constants.ContentSha256Header,
    ];

    /// <summary>
    /// Signs <paramref name="request"/> in place: sets <c>Host</c> (with a non-default port) when unset,
    /// adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> and <c>Authorization</c>. A body is first
    /// buffered (a non-buffered content is replaced by an in-memory copy), so it can still be sent.
    /// Signing again replaces the previous signature (retries must re-sign with a fresh time).
    /// </summary>
    /// <param name="request">A request with an absolute URI.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="service">The signing name of the service.</param>
    /// <param name="now">The signing time.</param>
    /// <param name="options">The service's rules; <see cref="SigV4SigningOptions.Default"/> when null.</param>
    public SigV4SigningResult Sign(
        HttpRequestMessage request,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset now,
        SigV4SigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= SigV4SigningOptions.Default;
        var payloadHash = options.UnsignedPayload ? SigV4PayloadHash.UnsignedPayload : HashBufferedBody(request);
        return SignPrepared(request, credentials, region, service, now, options, payloadHash);
    }

    /// <summary>
    /// Signs <paramref name="request"/> in place like <see cref="Sign(HttpRequestMessage, AwsCredentials, string, string, DateTimeOffset, SigV4SigningOptions?)"/>,
    /// buffering the body asynchronously.
    /// </summary>
    /// <param name="request">A request with an absolute URI.</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="region">The region of the credential scope.</param>
    /// <param name="service">The signing name of the service.</param>
    /// <param name="now">The signing time.</param>
    /// <param name="options">The service's rules; <see cref="SigV4SigningOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels buffering the body.</param>
    public async Task<SigV4SigningResult> SignAsync(
        HttpRequestMessage request,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset now,
        SigV4SigningOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= SigV4SigningOptions.Default;
        var payloadHash = SigV4PayloadHash.UnsignedPayload;
        if (!options.UnsignedPayload)
        {
            var body = Array.Empty<byte>();
            if (request.Content is { } content)
            {
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }

            payloadHash = SigV4PayloadHash.Compute(body);
        }

        return SignPrepared(request, credentials, region, service, now, options, payloadHash);
    }

    /// <summary>The Host header value a request to <paramref name="target"/> carries: host, and the port unless default.</summary>
    /// <param name="target">An absolute URI.</param>
    public static string HostHeaderFor(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var host = target.HostNameType == UriHostNameType.IPv6 ? $"[{target.IdnHost}]" : target.IdnHost;
        return target.IsDefaultPort ? host : $"{host}:{target.Port}";
    }

    private SigV4SigningResult SignPrepared(
        HttpRequestMessage request,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset now,
        SigV4SigningOptions options,
        string payloadHash)
    {
        var target = request.RequestUri is { IsAbsoluteUri: true } uri
            ? uri
            : throw new ArgumentException("The request needs an absolute RequestUri to be signed.", nameof(request));
        foreach (var name in _headersReplacedBySigning)
        {
            request.Headers.Remove(name);
        }

        request.Headers.Host ??= HostHeaderFor(target);
        var neutral = SigV4Request.FromRawTarget(request.Method.Method, target.PathAndQuery, WireHeaders(request), payloadHash);
        var result = Sign(neutral, credentials, region, service, now, options);
        foreach (var header in result.HeadersToAdd)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return result;
    }

    /// <summary>Headers as the HTTP stack will write them: one line per name, values joined by its separator.</summary>
    private static IEnumerable<KeyValuePair<string, string>> WireHeaders(HttpRequestMessage request)
    {
        var headers = request.Headers.NonValidated.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));
        if (request.Content is not { } content)
        {
            return headers;
        }

        // Reading ContentLength computes it for a buffered body, so it is signed exactly as sent.
        _ = content.Headers.ContentLength;
        return headers.Concat(content.Headers.NonValidated.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())));
    }

    private static string HashBufferedBody(HttpRequestMessage request)
    {
        if (request.Content is not { } content)
        {
            return SigV4PayloadHash.EmptyBody;
        }

        // No synchronous LoadIntoBuffer exists: copy the body once and send the copy, so a
        // forward-only stream is not consumed before it is sent.
        using var copy = new MemoryStream();
        content.ReadAsStream().CopyTo(copy);
        var body = copy.ToArray();
        var buffered = new ByteArrayContent(body);
        foreach (var header in content.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        request.Content = buffered;
        content.Dispose();
        return SigV4PayloadHash.Compute(body);
    }
}
