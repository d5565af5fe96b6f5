namespace Baton.CodePipeline.Signing;

/// <summary>
/// Verifies (or produces) the chained chunk signatures of one aws-chunked body, in order.
/// Not thread-safe: one chain per request body.
/// </summary>
public sealed class ChunkSignatureChain
{
    private readonly byte[] _signingKey;

    /// <summary>Creates a chain seeded with the request's signature.</summary>
    /// <param name="signingKey">The request's signing key.</param>
    /// <param name="amzDate">The request's <c>X-Amz-Date</c>.</param>
    /// <param name="scope">The request's credential scope.</param>
    /// <param name="seedSignature">The signature of the request (its Authorization header).</param>
    public ChunkSignatureChain(byte[] signingKey, string amzDate, CredentialScope scope, string seedSignature)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentException.ThrowIfNullOrEmpty(amzDate);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(seedSignature);
        _signingKey = signingKey;
        AmzDate = amzDate;
        Scope = scope;
        PreviousSignature = seedSignature;
    }

    /// <summary>The request time the chain signs with.</summary>
    public string AmzDate { get; }

    /// <summary>The credential scope the chain signs with.</summary>
    public CredentialScope Scope { get; }

    /// <summary>The signature the next chunk is chained to.</summary>
    public string PreviousSignature { get; private set; }

    /// <summary>Signs the next chunk and advances the chain (the sending side).</summary>
    /// <param name="chunk">The chunk data; empty for the final chunk.</param>
    public string SignNext(ReadOnlySpan<byte> chunk)
    {
        PreviousSignature = Expected(chunk);
        return PreviousSignature;
    }

    /// <summary>
    /// Checks the signature a chunk arrived with (constant-time) and advances the chain only when it matches.
    /// </summary>
    /// <param name="chunk">The chunk data; empty for the final chunk.</param>
    /// <param name="providedSignature">The <c>chunk-signature</c> of the chunk header.</param>
    public bool TryAdvance(ReadOnlySpan<byte> chunk, string providedSignature)
    {
        var expected = Expected(chunk);
        if (!SigV4SigningKey.SignaturesEqual(expected, providedSignature))
        {
            return false;
        }

        PreviousSignature = expected;
        return true;
    }

    /// <summary>Checks the trailer's signature against the last chunk's (constant-time).</summary>
    /// <param name="trailer">The trailing header lines, each <c>name:value\n</c>.</param>
    /// <param name="providedSignature">The <c>x-amz-trailer-signature</c> value.</param>
    public bool VerifyTrailer(string trailer, string providedSignature) =>
        SigV4SigningKey.SignaturesEqual(
            AwsChunkedSignature.ComputeTrailerSignature(_signingKey, AmzDate, Scope, PreviousSignature, trailer),
            providedSignature);

    private string Expected(ReadOnlySpan<byte> chunk) =>
        AwsChunkedSignature.ComputeChunkSignature(_signingKey, AmzDate, Scope, PreviousSignature, SigV4PayloadHash.Compute(chunk));
}
