using Baton.Emulator.S3.Storage;
using Microsoft.Net.Http.Headers;

namespace Baton.Emulator.S3.Handlers;

/// <summary>
/// The conditional headers of GetObject and HeadObject, evaluated in S3's order: If-Match and
/// If-Unmodified-Since fail with <c>PreconditionFailed</c> (412); If-None-Match and
/// If-Modified-Since answer 304 Not Modified.
/// </summary>
internal static class Preconditions
{
    /// <summary>Returns <see langword="false"/> for 304 Not Modified; throws for 412.</summary>
    public static bool Check(HttpRequest request, ObjectInfo info)
    {
        var headers = request.GetTypedHeaders();
        var etag = new EntityTagHeaderValue(info.ETag);
        var lastModified = TruncateToSeconds(info.LastModified);

        var ifMatch = headers.IfMatch;
        if (ifMatch.Count > 0 && !ifMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            throw Failed("If-Match");
        }

        if (ifMatch.Count == 0 && headers.IfUnmodifiedSince is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            throw Failed("If-Unmodified-Since");
        }

        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return !ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is not { } modifiedSince || lastModified > modifiedSince;
    }

    private static S3Exception Failed(string header) =>
        new(412, "PreconditionFailed", $"At least one of the pre-conditions you specified did not hold: {header}.");

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
