namespace Baton.Emulator.S3.Streaming;

/// <summary>What the client declared about an upload body, checked once the body has been read.</summary>
internal sealed record UploadExpectations
{
    /// <summary><c>x-amz-decoded-content-length</c> of an aws-chunked body.</summary>
    public long? DecodedContentLength { get; init; }

    /// <summary>The flexible checksum algorithm to compute (and store), if any.</summary>
    public string? ChecksumAlgorithm { get; init; }

    /// <summary>The declared checksum value; a trailer is only known at the end, hence a function.</summary>
    public Func<string?>? ChecksumValue { get; init; }

    /// <summary>The base64 <c>Content-MD5</c>.</summary>
    public string? ContentMd5 { get; init; }

    /// <summary>A hex <c>x-amz-content-sha256</c> (not one of the <c>UNSIGNED-PAYLOAD</c>/<c>STREAMING-*</c> literals).</summary>
    public string? ContentSha256Hex { get; init; }
}
