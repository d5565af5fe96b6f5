using System.Globalization;

namespace Baton.Emulator.S3;

/// <summary>
/// A single <c>Range: bytes=...</c> of a GetObject, resolved against the object size:
/// <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c> (the last n bytes).
/// </summary>
/// <param name="Start">The first byte.</param>
/// <param name="Length">The number of bytes.</param>
internal readonly record struct ByteRange(long Start, long Length)
{
    /// <summary>The last byte (inclusive).</summary>
    public long End => Start + Length - 1;

    /// <summary>The Content-Range header value.</summary>
    public string ContentRange(long size) => string.Create(CultureInfo.InvariantCulture, $"bytes {Start}-{End}/{size}");

    /// <summary>
    /// Resolves a Range header. Like S3 (and RFC 9110), a header that is not a single
    /// well-formed byte range is ignored and the whole object is answered (null); a well-formed
    /// range that does not overlap the object is <c>InvalidRange</c> (416).
    /// </summary>
    public static ByteRange? Parse(string? header, long size)
    {
        const string unit = "bytes=";
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var spec = header[unit.Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (spec.Contains(',', StringComparison.Ordinal) || dash < 0)
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!TryParse(last, out var suffix))
            {
                return null;
            }

            return suffix == 0 || size == 0
                ? throw S3Errors.InvalidRange(header, size)
                : new ByteRange(Math.Max(0, size - suffix), Math.Min(suffix, size));
        }

        if (!TryParse(first, out var start))
        {
            return null;
        }

        long end = size - 1;
        if (last.Length > 0)
        {
            if (!TryParse(last, out var parsedEnd) || parsedEnd < start)
            {
                return null;
            }

            end = Math.Min(parsedEnd, size - 1);
        }

        return start >= size ? throw S3Errors.InvalidRange(header, size) : new ByteRange(start, end - start + 1);
    }

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
