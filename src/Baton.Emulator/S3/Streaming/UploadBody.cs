using Baton.Emulator.S3.Auth;

namespace Baton.Emulator.S3.Streaming;

/// <summary>
/// Turns the body of a PutObject or UploadPart request into an <see cref="UploadStream"/>:
/// decodes <c>aws-chunked</c> framing when <c>Content-Encoding</c> or
/// <c>x-amz-content-sha256: STREAMING-...</c> says so, and collects what must be verified.
/// </summary>
internal static class UploadBody
{
    public static UploadStream Open(HttpRequest request, IChunkSignatureValidator? chunkSignatures, long maxSize, string? defaultChecksumAlgorithm = null)
    {
        var headers = request.Headers;
        var contentSha256 = headers["x-amz-content-sha256"].ToString();
        var chunked = contentSha256.StartsWith("STREAMING-", StringComparison.Ordinal)
            || headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.OrdinalIgnoreCase);

        long? decodedLength = null;
        if (chunked)
        {
            var decoded = headers["x-amz-decoded-content-length"].ToString();
            if (decoded.Length > 0)
            {
                decodedLength = long.TryParse(decoded, out var parsed) && parsed >= 0
                    ? parsed
                    : throw new S3Exception($"x-amz-decoded-content-length must be a non-negative integer (was '{decoded}').");
            }
        }

        if ((chunked ? decodedLength : request.ContentLength) > maxSize)
        {
            throw S3Errors.EntityTooLarge(maxSize);
        }

        AwsChunkedStream? chunkedStream = chunked ? new AwsChunkedStream(request.Body, chunkSignatures, maxSize) : null;
        var (algorithm, value) = DeclaredChecksum(request, chunkedStream, defaultChecksumAlgorithm);
        var expectations = new UploadExpectations
        {
            DecodedContentLength = decodedLength,
            ChecksumAlgorithm = algorithm,
            ChecksumValue = value,
            ContentMd5 = ContentMd5(headers.ContentMD5.ToString()),
            ContentSha256Hex = contentSha256.Length == 64 && contentSha256.All(Uri.IsHexDigit) ? contentSha256 : null,
        };
        return new UploadStream(chunkedStream ?? request.Body, expectations, maxSize);
    }

    private static (string? Algorithm, Func<string?>? Value) DeclaredChecksum(HttpRequest request, AwsChunkedStream? chunked, string? defaultAlgorithm)
    {
        var trailer = request.Headers["x-amz-trailer"].ToString().Trim();
        if (trailer.Length > 0)
        {
            if (chunked is null || !trailer.StartsWith("x-amz-checksum-", StringComparison.OrdinalIgnoreCase))
            {
                throw new S3Exception($"x-amz-trailer '{trailer}' is not supported: only an x-amz-checksum-* trailer on an aws-chunked body is.");
            }

            var algorithm = Known(trailer["x-amz-checksum-".Length..], "x-amz-trailer");
            return (algorithm, () => chunked.Trailers.TryGetValue(trailer, out var value)
                ? value
                : throw S3Errors.IncompleteBody($"the aws-chunked body has no '{trailer}' trailer although x-amz-trailer announced it."));
        }

        foreach (var candidate in S3Checksum.Algorithms)
        {
            var header = request.Headers[S3Checksum.HeaderFor(candidate)].ToString();
            if (header.Length > 0)
            {
                return (candidate, () => header);
            }
        }

        var requested = request.Headers["x-amz-sdk-checksum-algorithm"].ToString();
        if (requested.Length > 0)
        {
            return (Known(requested, "x-amz-sdk-checksum-algorithm"), null);
        }

        return (defaultAlgorithm, null);
    }

    private static string Known(string algorithm, string header) =>
        S3Checksum.Create(algorithm) is { } checksum
            ? UseAndName(checksum)
            : throw new S3Exception($"{header} names the unsupported checksum algorithm '{algorithm}'; use one of {string.Join(", ", S3Checksum.Algorithms)}.");

    private static string UseAndName(S3Checksum checksum)
    {
        using (checksum)
        {
            return checksum.Algorithm;
        }
    }

    private static string? ContentMd5(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[24];
        return Convert.TryFromBase64String(header, bytes, out var written) && written == 16
            ? header
            : throw new S3Exception(400, "InvalidDigest", $"The Content-MD5 you specified is not valid: '{header}' is not the base64 of 16 bytes.");
    }
}
