using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Options;

namespace Baton.Emulator.S3.Auth;

/// <summary>
/// Finds who sent an S3 request — the single place where S3 signatures are checked. With
/// <see cref="S3EmulatorOptions.VerifySignatures"/> off, the access key id is read from the
/// <c>Authorization</c> header or the presigned <c>X-Amz-Credential</c> and passed on unverified.
/// With it on, the header or presigned signature is verified with S3's canonical rules and a
/// signed aws-chunked body gets a chunk-signature chain seeded by the request's signature.
/// </summary>
internal sealed class S3Authenticator(IOptions<S3EmulatorOptions> options, TimeProvider timeProvider)
{
    private readonly SigV4Verifier _verifier = new();

    public S3Caller Authenticate(HttpContext context)
    {
        var settings = options.Value;
        if (!settings.VerifySignatures)
        {
            return new S3Caller(ClaimedAccessKeyId(context.Request), Verified: false, ChunkSignatures: null);
        }

        var request = context.Request;
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? string.Empty)));
        var payloadHash = request.Headers[SigV4Constants.ContentSha256Header].ToString() is { Length: > 0 } declared
            ? declared
            : SigV4PayloadHash.UnsignedPayload;
        if (!SigV4PayloadHash.IsValid(payloadHash))
        {
            throw new S3Exception($"x-amz-content-sha256 must be a hex SHA-256 or one of UNSIGNED-PAYLOAD, STREAMING-*; got '{payloadHash}'.");
        }

        var signed = SigV4Request.FromRawTarget(request.Method, S3Routing.RawTarget(context), headers, payloadHash);
        var verifierOptions = SigV4VerifierOptions.ForS3(settings.Region) with { MaxClockSkew = settings.MaxClockSkew };
        var result = _verifier.Verify(signed, settings.CredentialsLookup!, timeProvider.GetUtcNow(), verifierOptions);
        if (!result.IsValid)
        {
            var failure = result.Failure;
            throw new S3Exception(StatusCodes.Status403Forbidden, failure.S3Code, failure.S3Message);
        }

        var chunkSignatures = payloadHash is SigV4PayloadHash.StreamingSignedPayload or SigV4PayloadHash.StreamingSignedPayloadTrailer
            ? new ChainValidator(result.CreateChunkSignatureChain())
            : null;
        return new S3Caller(result.AccessKeyId, Verified: true, chunkSignatures);
    }

    /// <summary>The access key id a request claims, from <c>Credential=AKID/date/region/s3/aws4_request</c>.</summary>
    internal static string? ClaimedAccessKeyId(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string credentialField = "Credential=";
        var at = authorization.IndexOf(credentialField, StringComparison.Ordinal);
        var credential = at >= 0
            ? authorization[(at + credentialField.Length)..].Split(',', 2)[0]
            : request.Query[SigV4Constants.CredentialParameter].ToString();
        var slash = credential.IndexOf('/', StringComparison.Ordinal);
        var accessKeyId = (slash < 0 ? credential : credential[..slash]).Trim();
        return accessKeyId.Length > 0 ? accessKeyId : null;
    }

    private sealed class ChainValidator(ChunkSignatureChain chain) : IChunkSignatureValidator
    {
        public bool ValidateChunk(ReadOnlySpan<byte> chunkData, string signature) => chain.TryAdvance(chunkData, signature);

        public bool ValidateTrailer(string trailingHeaders, string signature) => chain.VerifyTrailer(trailingHeaders, signature);
    }
}
