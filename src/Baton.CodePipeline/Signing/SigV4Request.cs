namespace Baton.CodePipeline.Signing;

/// <summary>
/// A request as SigV4 sees it, neutral between the client (<see cref="HttpRequestMessage"/>) and a
/// server (ASP.NET Core's <c>HttpRequest</c>): method, path and query exactly as sent on the wire
/// (still percent-encoded), headers in arrival order, and the payload hash.
/// </summary>
/// <remarks>
/// A server builds it from the raw request target (ASP.NET Core: <c>IHttpRequestFeature.RawTarget</c>,
/// not the decoded <c>HttpRequest.Path</c>) and every header value it received. The payload hash is
/// what the canonical request must carry: the hex SHA-256 of the body for JSON services; for S3 the
/// <c>x-amz-content-sha256</c> value (a hash or a literal such as <c>UNSIGNED-PAYLOAD</c>), and
/// <c>UNSIGNED-PAYLOAD</c> for a presigned S3 request that has no such header.
/// </remarks>
public sealed class SigV4Request
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method, for example <c>POST</c>.</param>
    /// <param name="rawPath">The path as sent, percent-encoded; empty means <c>/</c>.</param>
    /// <param name="rawQuery">The query as sent, with or without the leading <c>?</c>; null or empty for none.</param>
    /// <param name="headers">Every header as received, one entry per value, in arrival order.</param>
    /// <param name="payloadHash">The payload hash (see <see cref="SigV4PayloadHash"/>).</param>
    public SigV4Request(
        string method,
        string rawPath,
        string? rawQuery,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(rawPath);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadHash);
        Method = method.ToUpperInvariant();
        RawPath = rawPath.Length == 0 ? "/" : rawPath;
        RawQuery = rawQuery is null ? string.Empty : rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        Headers = [.. headers];
        PayloadHash = payloadHash;
        QueryParameters = SigV4QueryParameter.Parse(RawQuery);
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path as sent, percent-encoded.</summary>
    public string RawPath { get; }

    /// <summary>The query as sent, without the leading <c>?</c>; empty for none.</summary>
    public string RawQuery { get; }

    /// <summary>Every header, one entry per value, in arrival order; names compare case-insensitively.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The payload hash the canonical request carries.</summary>
    public string PayloadHash { get; }

    /// <summary>The query parameters, still encoded as sent, in order.</summary>
    public IReadOnlyList<SigV4QueryParameter> QueryParameters { get; }

    /// <summary>Creates a request from a raw request target such as <c>/bucket/key?uploads</c>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="rawTarget">The request target as sent (path and query).</param>
    /// <param name="headers">Every header as received, in arrival order.</param>
    /// <param name="payloadHash">The payload hash.</param>
    public static SigV4Request FromRawTarget(
        string method,
        string rawTarget,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? new SigV4Request(method, rawTarget, null, headers, payloadHash)
            : new SigV4Request(method, rawTarget[..question], rawTarget[(question + 1)..], headers, payloadHash);
    }

    /// <summary>Returns every value of a header, in arrival order.</summary>
    /// <param name="name">The header name, any case.</param>
    public IEnumerable<string> GetHeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>Returns the first value of a header, or null when absent.</summary>
    /// <param name="name">The header name, any case.</param>
    public string? GetHeader(string name) => GetHeaderValues(name).FirstOrDefault();

    /// <summary>True when the header is present at least once.</summary>
    /// <param name="name">The header name, any case.</param>
    public bool HasHeader(string name) =>
        Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Returns the decoded value of the first query parameter with this exact name, or null.</summary>
    /// <param name="name">The decoded parameter name, for example <c>X-Amz-Credential</c>.</param>
    public string? GetQueryParameter(string name) =>
        QueryParameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.Value;

    /// <summary>Returns a copy with more headers appended (the signer's output applied).</summary>
    /// <param name="extraHeaders">Headers to append.</param>
    public SigV4Request WithHeaders(IEnumerable<KeyValuePair<string, string>> extraHeaders) =>
        new(Method, RawPath, RawQuery, Headers.Concat(extraHeaders), PayloadHash);

    /// <summary>Returns a copy with another query string.</summary>
    /// <param name="rawQuery">The new query, encoded.</param>
    public SigV4Request WithQuery(string rawQuery) => new(Method, RawPath, rawQuery, Headers, PayloadHash);
}
