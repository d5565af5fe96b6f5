using System.Security.Cryptography;

namespace Baton.CodePipeline.Signing;

/// <summary>
/// The payload hash of a canonical request: the hex SHA-256 of the body, or one of the literals
/// S3 accepts in <c>x-amz-content-sha256</c>.
/// </summary>
public static class SigV4PayloadHash
{
    /// <summary>The body is not signed (S3 and presigned requests).</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>aws-chunked body whose chunks are signed (a chain seeded by the request signature).</summary>
    public const string StreamingSignedPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";

    /// <summary>aws-chunked body with signed chunks and a signed trailer.</summary>
    public const string StreamingSignedPayloadTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";

    /// <summary>aws-chunked body with unsigned chunks and an unsigned trailer (a checksum).</summary>
    public const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /// <summary>The hex SHA-256 of an empty body.</summary>
    public const string EmptyBody = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Returns the lowercase hex SHA-256 of <paramref name="body"/>.</summary>
    /// <param name="body">The request body bytes as sent.</param>
    public static string Compute(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>True when <paramref name="value"/> is one of the literal (non-hash) payload markers.</summary>
    /// <param name="value">An <c>x-amz-content-sha256</c> value.</param>
    public static bool IsLiteral(string? value) =>
        value is UnsignedPayload or StreamingSignedPayload or StreamingSignedPayloadTrailer or StreamingUnsignedPayloadTrailer;

    /// <summary>
    /// True when <paramref name="value"/> is a usable payload hash: a literal marker or 64 hex digits.
    /// </summary>
    /// <param name="value">A candidate payload hash.</param>
    public static bool IsValid(string? value) =>
        IsLiteral(value) || (value is { Length: 64 } && value.All(Uri.IsHexDigit));
}
