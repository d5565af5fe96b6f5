using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Baton.Emulator.S3.Storage;

/// <summary>Copies object bytes while computing the S3 ETag (the MD5 of the bytes) and the length.</summary>
internal static class ContentHasher
{
    private const int BufferSize = 81920;

    [SuppressMessage("Security", "CA5351:Do not use broken cryptographic algorithms", Justification = "S3 defines the ETag of a single-part object as the MD5 of its bytes; it is an identifier, not a security control.")]
    public static async ValueTask<(long Size, string ETag)> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            size += read;
        }

        return (size, Quote(Convert.ToHexStringLower(md5.GetHashAndReset())));
    }

    /// <summary>The ETag of a multipart object: the MD5 of the concatenated binary part MD5s, then <c>-N</c>.</summary>
    [SuppressMessage("Security", "CA5351:Do not use broken cryptographic algorithms", Justification = "S3 defines the multipart ETag as an MD5 of the part MD5s; it is an identifier, not a security control.")]
    public static string MultipartETag(IReadOnlyList<string> partETags)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        foreach (var etag in partETags)
        {
            md5.AppendData(Convert.FromHexString(etag.Trim('"')));
        }

        return Quote($"{Convert.ToHexStringLower(md5.GetHashAndReset())}-{partETags.Count}");
    }

    private static string Quote(string value) => "\"" + value + "\"";
}
