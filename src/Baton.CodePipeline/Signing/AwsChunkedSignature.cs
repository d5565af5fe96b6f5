using System.Text;

namespace Baton.CodePipeline.Signing;

/// <summary>
/// Signatures of an aws-chunked (streaming) upload: each chunk is signed over the previous signature,
/// starting from the request's (seed) signature, and a trailer chunk is signed over the last one.
/// </summary>
public static class AwsChunkedSignature
{
    /// <summary>The algorithm line of a chunk's string to sign.</summary>
    public const string PayloadAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD";

    /// <summary>The algorithm line of a trailer's string to sign.</summary>
    public const string TrailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER";

    /// <summary>
    /// The string to sign of a chunk:
    /// <c>AWS4-HMAC-SHA256-PAYLOAD\n{date}\n{scope}\n{previous}\n{hash of empty}\n{hash of chunk}</c>.
    /// </summary>
    /// <param name="amzDate">The request's <c>X-Amz-Date</c>.</param>
    /// <param name="scope">The request's credential scope.</param>
    /// <param name="previousSignature">The seed signature, or the previous chunk's signature.</param>
    /// <param name="chunkHash">The hex SHA-256 of the chunk data.</param>
    public static string ChunkStringToSign(string amzDate, CredentialScope scope, string previousSignature, string chunkHash) =>
        $"{PayloadAlgorithm}\n{amzDate}\n{scope}\n{previousSignature}\n{SigV4PayloadHash.EmptyBody}\n{chunkHash}";

    /// <summary>Computes a chunk's signature from the hash of its data.</summary>
    /// <param name="signingKey">The request's signing key (<see cref="SigV4SigningKey.Derive"/>).</param>
    /// <param name="amzDate">The request's <c>X-Amz-Date</c>.</param>
    /// <param name="scope">The request's credential scope.</param>
    /// <param name="previousSignature">The seed signature, or the previous chunk's signature.</param>
    /// <param name="chunkHash">The hex SHA-256 of the chunk data.</param>
    public static string ComputeChunkSignature(
        ReadOnlySpan<byte> signingKey, string amzDate, CredentialScope scope, string previousSignature, string chunkHash) =>
        SigV4SigningKey.Sign(signingKey, ChunkStringToSign(amzDate, scope, previousSignature, chunkHash));

    /// <summary>
    /// Computes the trailer's signature:
    /// <c>AWS4-HMAC-SHA256-TRAILER\n{date}\n{scope}\n{previous}\n{hash of trailer}</c>.
    /// </summary>
    /// <param name="signingKey">The request's signing key.</param>
    /// <param name="amzDate">The request's <c>X-Amz-Date</c>.</param>
    /// <param name="scope">The request's credential scope.</param>
    /// <param name="previousSignature">The signature of the final (empty) chunk.</param>
    /// <param name="trailer">The trailing header lines, each <c>name:value\n</c>.</param>
    public static string ComputeTrailerSignature(
        ReadOnlySpan<byte> signingKey, string amzDate, CredentialScope scope, string previousSignature, string trailer)
    {
        ArgumentNullException.ThrowIfNull(trailer);
        var stringToSign =
            $"{TrailerAlgorithm}\n{amzDate}\n{scope}\n{previousSignature}\n{SigV4PayloadHash.Compute(Encoding.UTF8.GetBytes(trailer))}";
        return SigV4SigningKey.Sign(signingKey, stringToSign);
    }
}
