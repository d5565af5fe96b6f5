using Baton.Emulator.S3.Auth;

namespace Baton.Emulator.S3;

/// <summary>One S3 request after routing and authentication: the HTTP exchange plus what it addresses.</summary>
/// <param name="Http">The HTTP exchange.</param>
/// <param name="Operation">The S3 operation.</param>
/// <param name="Bucket">The bucket, or <see langword="null"/> for ListBuckets.</param>
/// <param name="Key">The key, or <see langword="null"/> for bucket operations.</param>
/// <param name="Caller">Who sent it, and the chunk-signature checker of a signed streaming body.</param>
internal sealed record S3RequestContext(HttpContext Http, S3Operation Operation, string? Bucket, string? Key, S3Caller Caller)
{
    public HttpRequest Request => Http.Request;

    public HttpResponse Response => Http.Response;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The bucket; the resolver guarantees one for every bucket and object operation.</summary>
    public string BucketName => Bucket ?? throw new InvalidOperationException($"{Operation} has no bucket.");

    /// <summary>The key; the resolver guarantees one for every object operation.</summary>
    public string ObjectKey => Key ?? throw new InvalidOperationException($"{Operation} has no key.");

    /// <summary>The path-style resource, for error documents.</summary>
    public string Resource => "/" + Bucket + (Key is null ? string.Empty : "/" + Key);

    /// <summary>A query parameter, or <see langword="null"/> when absent.</summary>
    public string? Query(string name) => Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>A header, or <see langword="null"/> when absent or empty.</summary>
    public string? Header(string name) => Request.Headers[name].ToString() is { Length: > 0 } value ? value : null;
}

/// <summary>Who sent a request, as far as its signature tells.</summary>
/// <param name="AccessKeyId">The access key id of the signature, or <see langword="null"/> for an unsigned request.</param>
/// <param name="Verified">Whether the signature was verified.</param>
/// <param name="ChunkSignatures">Checks chunk signatures of a signed aws-chunked body; <see langword="null"/> when there is nothing to check.</param>
internal sealed record S3Caller(string? AccessKeyId, bool Verified, IChunkSignatureValidator? ChunkSignatures);
