using Baton.Emulator.S3.Storage;

namespace Baton.Emulator.S3;

/// <summary>
/// One page of a ListObjects/ListObjectsV2 answer: keys after a marker, rolled up into common
/// prefixes at the first delimiter after the prefix, at most <c>max-keys</c> entries (a common
/// prefix counts as one).
/// </summary>
/// <param name="Contents">The objects on this page.</param>
/// <param name="CommonPrefixes">The common prefixes on this page.</param>
/// <param name="IsTruncated">Whether more entries follow.</param>
/// <param name="NextMarker">The last entry (key or common prefix) of a truncated page; the next page starts after it.</param>
internal sealed record ObjectListing(IReadOnlyList<ObjectInfo> Contents, IReadOnlyList<string> CommonPrefixes, bool IsTruncated, string? NextMarker)
{
    /// <summary>S3's default and largest page size.</summary>
    public const int MaxKeysLimit = 1000;

    /// <summary>Builds a page from the candidates (keys with the prefix, after the marker, in order).</summary>
    /// <param name="candidates">Objects whose keys start with <paramref name="prefix"/> and sort after <paramref name="marker"/>.</param>
    /// <param name="prefix">The requested prefix.</param>
    /// <param name="delimiter">The delimiter, or empty for none.</param>
    /// <param name="marker">The entry the page starts after; a common prefix marker skips all of its keys.</param>
    /// <param name="maxKeys">The page size.</param>
    public static ObjectListing Page(IReadOnlyList<ObjectInfo> candidates, string prefix, string delimiter, string? marker, int maxKeys)
    {
        var contents = new List<ObjectInfo>();
        var commonPrefixes = new List<string>();
        string? last = null;
        foreach (var candidate in candidates)
        {
            var rollup = CommonPrefixOf(candidate.Key, prefix, delimiter);
            if (rollup is not null && (rollup == marker || rollup == commonPrefixes.LastOrDefault()))
            {
                continue;
            }

            if (contents.Count + commonPrefixes.Count == maxKeys)
            {
                return new ObjectListing(contents, commonPrefixes, IsTruncated: maxKeys > 0, last);
            }

            if (rollup is null)
            {
                contents.Add(candidate);
                last = candidate.Key;
            }
            else
            {
                commonPrefixes.Add(rollup);
                last = rollup;
            }
        }

        return new ObjectListing(contents, commonPrefixes, IsTruncated: false, null);
    }

    private static string? CommonPrefixOf(string key, string prefix, string delimiter)
    {
        if (delimiter.Length == 0)
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }
}
