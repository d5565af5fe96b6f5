using Baton.Emulator.S3.Storage;

namespace Baton.Emulator.S3.Multipart;

/// <summary>A multipart upload in progress: where it goes, what the object will carry, and its parts so far.</summary>
/// <param name="UploadId">The id the client passes back with every part.</param>
/// <param name="Bucket">The destination bucket.</param>
/// <param name="Key">The destination key.</param>
/// <param name="Initiated">When CreateMultipartUpload was called.</param>
/// <param name="Attributes">The attributes the completed object will carry.</param>
internal sealed record MultipartUpload(string UploadId, string Bucket, string Key, DateTimeOffset Initiated, ObjectAttributes Attributes)
{
    /// <summary>The parts by part number; guarded by the owning <see cref="MultipartUploads"/>.</summary>
    public SortedDictionary<int, UploadedPart> Parts { get; } = [];
}

/// <summary>One uploaded part; its bytes are in <see cref="Data"/> (in memory) or the file <see cref="Path"/>.</summary>
/// <param name="PartNumber">1 to 10,000.</param>
/// <param name="ETag">The quoted MD5 hex of the part.</param>
/// <param name="Size">The part length.</param>
/// <param name="LastModified">When the part was uploaded.</param>
internal sealed record UploadedPart(int PartNumber, string ETag, long Size, DateTimeOffset LastModified)
{
    public byte[]? Data { get; init; }

    public string? Path { get; init; }

    public Stream Open() => Data is not null
        ? new MemoryStream(Data, writable: false)
        : new FileStream(Path!, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, useAsync: true);

    public void Delete()
    {
        if (Path is not null)
        {
            File.Delete(Path);
        }
    }
}
