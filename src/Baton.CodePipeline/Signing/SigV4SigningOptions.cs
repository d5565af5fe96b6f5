namespace Baton.CodePipeline.Signing;

/// <summary>
/// The per-service rules of a canonical request. Every AWS service but S3 normalises the path and
/// encodes it twice; S3 does neither (<see cref="S3"/>).
/// </summary>
public sealed record SigV4SigningOptions
{
    /// <summary>The rules of CodePipeline and every other non-S3 service.</summary>
    public static SigV4SigningOptions Default { get; } = new();

    /// <summary>The rules of S3: no path normalisation, single encoding, <c>x-amz-content-sha256</c> always sent.</summary>
    public static SigV4SigningOptions S3 { get; } = new()
    {
        NormalizePath = false,
        DoubleEncodePath = false,
        AddContentSha256Header = true,
    };

    /// <summary>Remove <c>.</c> and <c>..</c> segments and collapse empty segments before encoding.</summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>
    /// Encode each path segment as sent once more (so <c>%20</c> becomes <c>%2520</c>). When false the
    /// segments are only brought to canonical single encoding.
    /// </summary>
    public bool DoubleEncodePath { get; init; } = true;

    /// <summary>Send and sign <c>x-amz-content-sha256</c> with the payload hash (header signing only).</summary>
    public bool AddContentSha256Header { get; init; }

    /// <summary>
    /// Leave the session token out of the signature and add it afterwards (a few services want this);
    /// by default the token is signed.
    /// </summary>
    public bool OmitSessionTokenFromSignature { get; init; }

    /// <summary>
    /// Sign the literal <c>UNSIGNED-PAYLOAD</c> instead of hashing the body (client side only; the body
    /// is then neither buffered nor read).
    /// </summary>
    public bool UnsignedPayload { get; init; }
}
