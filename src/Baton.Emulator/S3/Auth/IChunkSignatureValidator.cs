namespace Baton.Emulator.S3.Auth;

/// <summary>
/// Checks the chain of chunk signatures of a signed <c>aws-chunked</c> body
/// (<c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]</c>), seeded by the request's signature.
/// Calls arrive in body order; each signature is chained to the previous one.
/// </summary>
internal interface IChunkSignatureValidator
{
    /// <summary>Checks one chunk (the final, empty chunk included).</summary>
    bool ValidateChunk(ReadOnlySpan<byte> chunkData, string signature);

    /// <summary>Checks the trailer signature over the trailing headers as sent (<c>name:value\n</c> each).</summary>
    bool ValidateTrailer(string trailingHeaders, string signature);
}
