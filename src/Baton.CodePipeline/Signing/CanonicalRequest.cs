using System.Text;

namespace Baton.CodePipeline.Signing;

/// <summary>
/// Builds the canonical request of SigV4: method, canonical path, canonical query, canonical headers,
/// signed header names and payload hash, one per line.
/// </summary>
internal static class CanonicalRequest
{
    /// <summary>Header names a signer never signs: hop-by-hop, or rewritten by proxies and HTTP stacks.</summary>
    private static readonly HashSet<string> _unsignableHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection", "keep-alive",
        "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
    };

    /// <summary>The lowercase names of every signable header of the request, sorted.</summary>
    public static IReadOnlyList<string> SignableHeaderNames(SigV4Request request, string? except = null) =>
        [.. request.Headers
            .Select(h => h.Key.ToLowerInvariant())
            .Where(n => !_unsignableHeaders.Contains(n) && !string.Equals(n, except, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Builds the canonical request string.</summary>
    /// <param name="request">The request.</param>
    /// <param name="signedHeaders">Lowercase header names to sign, sorted.</param>
    /// <param name="options">The service's rules.</param>
    /// <param name="excludedQueryParameters">(Decoded) query parameter names to leave out, such as <c>X-Amz-Signature</c>.</param>
    public static string Build(
        SigV4Request request,
        IReadOnlyList<string> signedHeaders,
        SigV4SigningOptions options,
        params IReadOnlyCollection<string> excludedQueryParameters)
    {
        var builder = new StringBuilder(512);
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(request.RawPath, options)).Append('\n');
        builder.Append(CanonicalQuery(request.QueryParameters, excludedQueryParameters)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request.GetHeaderValues(name))).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(request.PayloadHash);
        return builder.ToString();
    }

    /// <summary>The canonical URI: optionally normalised, then each segment encoded.</summary>
    public static string CanonicalPath(string rawPath, SigV4SigningOptions options)
    {
        var path = string.IsNullOrEmpty(rawPath) ? "/" : rawPath;
        if (options.NormalizePath)
        {
            path = RemoveDotSegments(path);
        }

        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = options.DoubleEncodePath
                ? SigV4Encoding.UriEncode(segments[i])
                : SigV4Encoding.NormalizeEncoding(segments[i]);
        }

        return string.Join('/', segments);
    }

    /// <summary>Sorted <c>name=value</c> pairs, each side in canonical encoding, joined by <c>&amp;</c>.</summary>
    public static string CanonicalQuery(IEnumerable<SigV4QueryParameter> parameters, IReadOnlyCollection<string> excludedParameters) =>
        string.Join('&', parameters
            .Where(p => !excludedParameters.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => (Name: SigV4Encoding.NormalizeEncoding(p.RawName), Value: SigV4Encoding.NormalizeEncoding(p.RawValue)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));

    /// <summary>Trims each value, collapses runs of whitespace (folded lines included), joins values with commas.</summary>
    public static string CanonicalHeaderValue(IEnumerable<string> values) =>
        string.Join(',', values.Select(CollapseWhitespace));

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>RFC 3986 dot-segment removal that also drops empty segments, keeping a trailing slash.</summary>
    private static string RemoveDotSegments(string path)
    {
        var parts = path.Split('/');
        var output = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                continue;
            }

            output.Add(part);
        }

        var last = parts[^1];
        var trailingSlash = output.Count > 0 && (last.Length == 0 || last is "." or "..");
        return "/" + string.Join('/', output) + (trailingSlash ? "/" : string.Empty);
    }
}
