namespace Baton.Emulator.S3.Storage;

/// <summary>
/// What a client sets on an object and gets back on GET and HEAD: content headers, user
/// metadata (<c>x-amz-meta-*</c>), server-side encryption and the checksum it uploaded with.
/// </summary>
public sealed record ObjectAttributes
{
    /// <summary>Attributes of an object uploaded without any headers.</summary>
    public static ObjectAttributes Empty { get; } = new();

    /// <summary>The Content-Type; S3 answers <c>binary/octet-stream</c> when none was given.</summary>
    public string ContentType { get; init; } = "binary/octet-stream";

    /// <summary>Other stored content headers (Content-Encoding, Content-Disposition, Cache-Control, ...), by header name.</summary>
    public IReadOnlyDictionary<string, string> ContentHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>User metadata by lower-case name without the <c>x-amz-meta-</c> prefix.</summary>
    public IReadOnlyDictionary<string, string> UserMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary><c>x-amz-server-side-encryption</c>: <c>AES256</c>, <c>aws:kms</c> or none.</summary>
    public string? ServerSideEncryption { get; init; }

    /// <summary><c>x-amz-server-side-encryption-aws-kms-key-id</c> when SSE-KMS was requested with a key.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>The checksum algorithm the client uploaded with (<c>CRC32</c>, <c>SHA256</c>, ...), if any.</summary>
    public string? ChecksumAlgorithm { get; init; }

    /// <summary>The base64 checksum value of the whole object for <see cref="ChecksumAlgorithm"/>.</summary>
    public string? ChecksumValue { get; init; }
}
