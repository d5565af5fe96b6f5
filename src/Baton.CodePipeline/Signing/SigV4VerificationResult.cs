using System.Diagnostics.CodeAnalysis;

namespace Baton.CodePipeline.Signing;

/// <summary>The outcome of verifying a request: who signed it and how, or why it was refused.</summary>
public sealed class SigV4VerificationResult
{
    private readonly byte[]? _signingKey;

    private SigV4VerificationResult(SigV4Failure failure) => Failure = failure;

    private SigV4VerificationResult(
        string accessKeyId, CredentialScope scope, IReadOnlyList<string> signedHeaders, string signature,
        string amzDate, bool isPresigned, byte[] signingKey)
    {
        AccessKeyId = accessKeyId;
        Scope = scope;
        SignedHeaders = signedHeaders;
        Signature = signature;
        AmzDate = amzDate;
        IsPresigned = isPresigned;
        _signingKey = signingKey;
    }

    /// <summary>True when the signature is valid.</summary>
    [MemberNotNullWhen(true, nameof(AccessKeyId), nameof(Scope), nameof(Signature), nameof(AmzDate))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Failure is null;

    /// <summary>Why verification failed; null on success.</summary>
    public SigV4Failure? Failure { get; }

    /// <summary>The access key id that signed the request.</summary>
    public string? AccessKeyId { get; }

    /// <summary>The credential scope (its region and service).</summary>
    public CredentialScope? Scope { get; }

    /// <summary>The signed header names, lowercase.</summary>
    public IReadOnlyList<string> SignedHeaders { get; } = [];

    /// <summary>The verified signature: the seed signature of an aws-chunked body.</summary>
    public string? Signature { get; }

    /// <summary>The request time as signed, <c>yyyyMMddTHHmmssZ</c>.</summary>
    public string? AmzDate { get; }

    /// <summary>True when the signature came in the query string.</summary>
    public bool IsPresigned { get; }

    /// <summary>
    /// Starts verifying the chunk signatures of an aws-chunked body (<c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD</c>),
    /// seeded with this request's signature.
    /// </summary>
    /// <exception cref="InvalidOperationException">The verification failed.</exception>
    public ChunkSignatureChain CreateChunkSignatureChain() =>
        IsValid && _signingKey is not null
            ? new ChunkSignatureChain(_signingKey, AmzDate, Scope, Signature)
            : throw new InvalidOperationException("Only a successfully verified request has a seed signature to chain chunks from.");

    internal static SigV4VerificationResult Fail(SigV4Failure failure) => new(failure);

    internal static SigV4VerificationResult Success(
        RequestSignature signature, string amzDate, bool isPresigned, byte[] signingKey) =>
        new(signature.AccessKeyId, signature.Scope, signature.SignedHeaders, signature.Signature, amzDate, isPresigned, signingKey);
}
