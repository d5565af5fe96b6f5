namespace Baton.CodePipeline.Signing;

/// <summary>
/// What signing produced: the intermediate strings (for diagnostics and tests), the signature, and
/// what to add to the request — headers for header signing, a query string for presigning.
/// </summary>
public sealed record SigV4SigningResult
{
    /// <summary>The canonical request that was hashed.</summary>
    public required string CanonicalRequest { get; init; }

    /// <summary>The string that was signed.</summary>
    public required string StringToSign { get; init; }

    /// <summary>The hex signature.</summary>
    public required string Signature { get; init; }

    /// <summary>The signed header names, lowercase, joined by semicolons.</summary>
    public required string SignedHeaders { get; init; }

    /// <summary>The credential scope.</summary>
    public required CredentialScope Scope { get; init; }

    /// <summary>The request time, <c>yyyyMMddTHHmmssZ</c>.</summary>
    public required string AmzDate { get; init; }

    /// <summary>
    /// Headers to add to the request (header signing: <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>,
    /// <c>X-Amz-Content-Sha256</c>, <c>Authorization</c>); empty for presigning.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd { get; init; } = [];

    /// <summary>The complete query string to send, without <c>?</c> (presigning only; null otherwise).</summary>
    public string? PresignedQuery { get; init; }
}
