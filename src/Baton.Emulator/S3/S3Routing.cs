using Microsoft.AspNetCore.Http.Features;

namespace Baton.Emulator.S3;

/// <summary>
/// Decides which requests on the emulator's single port are S3 requests, and finds their bucket
/// and key.
/// </summary>
/// <remarks>
/// The routing rule. A request is an S3 request when
/// <list type="number">
/// <item>its Host is virtual-host style, <c>{bucket}.localhost[:port]</c> or
/// <c>{bucket}.s3.localhost[:port]</c> — then the bucket comes from the Host and every path is
/// the key, whatever it looks like; or</item>
/// <item>it has no <c>X-Amz-Target</c> header (that header marks the CodePipeline JSON API on
/// <c>POST /</c>) and its path is not <c>/console</c>, <c>/_baton</c> or under them (the web
/// console and the admin API) — then it is path style, <c>/{bucket}/{key}</c>.</item>
/// </list>
/// Hence buckets named <c>console</c> or <c>_baton</c> are reachable only virtual-host style, and
/// a bucket whose name ends in <c>.s3</c> only path style.
/// </remarks>
public static class S3Routing
{
    private const string LocalhostSuffix = ".localhost";
    private const string S3LocalhostSuffix = ".s3.localhost";

    /// <summary>Whether the request belongs to the S3 API (see the routing rule in the remarks).</summary>
    /// <param name="context">The request.</param>
    public static bool IsS3Request(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (VirtualHostBucket(context.Request.Host.Host) is not null)
        {
            return true;
        }

        if (context.Request.Headers.ContainsKey("X-Amz-Target"))
        {
            return false;
        }

        var path = context.Request.Path;
        return !path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/_baton", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The bucket named by a virtual-host style Host (without port), or <see langword="null"/>.</summary>
    /// <param name="host">The host name, for example <c>artifacts.localhost</c>.</param>
    public static string? VirtualHostBucket(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        foreach (var suffix in (ReadOnlySpan<string>)[S3LocalhostSuffix, LocalhostSuffix])
        {
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var bucket = host[..^suffix.Length];
                // "s3.localhost" itself is the path-style endpoint, not a bucket.
                return bucket.Equals("s3", StringComparison.OrdinalIgnoreCase) ? null : bucket;
            }
        }

        return null;
    }

    /// <summary>Finds the bucket and key of an S3 request from its Host and raw (still encoded) target.</summary>
    internal static (string? Bucket, string? Key) ResolveTarget(HttpContext context)
    {
        var path = RawPath(context);
        var virtualBucket = VirtualHostBucket(context.Request.Host.Host);
        if (virtualBucket is not null)
        {
            var key = path.Length > 1 ? Uri.UnescapeDataString(path[1..]) : null;
            return (virtualBucket, key);
        }

        var trimmed = path.TrimStart('/');
        if (trimmed.Length == 0)
        {
            return (null, null);
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || slash == trimmed.Length - 1
            ? (Uri.UnescapeDataString(trimmed.TrimEnd('/')), null)
            : (Uri.UnescapeDataString(trimmed[..slash]), Uri.UnescapeDataString(trimmed[(slash + 1)..]));
    }

    /// <summary>
    /// The path exactly as sent: object keys may hold <c>%2F</c>, <c>//</c> or <c>..</c>, which the
    /// decoded <see cref="HttpRequest.Path"/> would not keep apart.
    /// </summary>
    internal static string RawPath(HttpContext context)
    {
        var raw = RawTarget(context);
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? raw : raw[..question];
    }

    /// <summary>The request target (path and query) exactly as sent.</summary>
    internal static string RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return context.Request.PathBase.Add(context.Request.Path).ToUriComponent() + context.Request.QueryString.ToUriComponent();
        }

        return !raw.StartsWith('/') && Uri.TryCreate(raw, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : raw;
    }
}
