using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>
/// Known answers from the S3 documentation's chunked-upload examples (PUT /examplebucket/chunkObject.txt,
/// 20130524T000000Z, 64 KiB + 1 KiB of 'a', then the empty final chunk), with and without a trailer.
/// </summary>
public class AwsChunkedSignatureTests
{
    private const string SeedSignature = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private const string TrailerSeedSignature = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";

    private static readonly DateTimeOffset _time = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly AwsCredentials _credentials = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static readonly byte[] _firstChunk = [.. Enumerable.Repeat((byte)'a', 65536)];
    private static readonly byte[] _secondChunk = [.. Enumerable.Repeat((byte)'a', 1024)];

    private readonly SigV4Signer _signer = new();
    private readonly SigV4Verifier _verifier = new();

    [Fact]
    public void Sign_S3StreamingExample_ProducesTheDocumentedSeedSignature()
    {
        var result = _signer.Sign(StreamingRequest(SigV4PayloadHash.StreamingSignedPayload, "66824"), _credentials, "us-east-1", "s3", _time, SigV4SigningOptions.S3);

        Assert.Equal(SeedSignature, result.Signature);
    }

    [Fact]
    public void ChunkSignatureChain_S3StreamingExample_ChainsTheDocumentedChunkSignatures()
    {
        var chain = VerifiedChain(SigV4PayloadHash.StreamingSignedPayload, "66824");

        Assert.True(chain.TryAdvance(_firstChunk, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"));
        Assert.True(chain.TryAdvance(_secondChunk, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"));
        Assert.True(chain.TryAdvance([], "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"));
    }

    [Fact]
    public void ChunkSignatureChain_ChunksOutOfOrder_RejectsAndDoesNotAdvance()
    {
        var chain = VerifiedChain(SigV4PayloadHash.StreamingSignedPayload, "66824");

        Assert.False(chain.TryAdvance(_secondChunk, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"));
        Assert.Equal(SeedSignature, chain.PreviousSignature);
        Assert.True(chain.TryAdvance(_firstChunk, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"));
    }

    [Fact]
    public void ChunkSignatureChain_TamperedChunk_Rejects()
    {
        var chain = VerifiedChain(SigV4PayloadHash.StreamingSignedPayload, "66824");
        var tampered = _firstChunk.ToArray();
        tampered[100] = (byte)'b';

        Assert.False(chain.TryAdvance(tampered, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"));
    }

    [Fact]
    public void ComputeChunkSignature_FirstChunkFromSeed_MatchesTheDocumentedValue()
    {
        var scope = CredentialScope.For(_time, "us-east-1", "s3");
        var key = SigV4SigningKey.Derive(_credentials.SecretAccessKey, scope);

        var signature = AwsChunkedSignature.ComputeChunkSignature(
            key, "20130524T000000Z", scope, SeedSignature, SigV4PayloadHash.Compute(_firstChunk));

        Assert.Equal("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648", signature);
    }

    [Fact]
    public void ChunkSignatureChain_S3TrailerExample_VerifiesChunksAndTheTrailer()
    {
        var chain = VerifiedChain(SigV4PayloadHash.StreamingSignedPayloadTrailer, contentLength: null, trailer: "x-amz-checksum-crc32c");
        Assert.Equal(TrailerSeedSignature, chain.PreviousSignature);

        Assert.True(chain.TryAdvance(_firstChunk, "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2"));
        Assert.True(chain.TryAdvance(_secondChunk, "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7"));
        Assert.True(chain.TryAdvance([], "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992"));
        Assert.True(chain.VerifyTrailer("x-amz-checksum-crc32c:sOO8/Q==\n", "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435"));
        Assert.False(chain.VerifyTrailer("x-amz-checksum-crc32c:AAAAAA==\n", "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435"));
    }

    [Fact]
    public void ChunkSignatureChain_SignNext_ReproducesTheReceiversChain()
    {
        var scope = CredentialScope.For(_time, "us-east-1", "s3");
        var key = SigV4SigningKey.Derive(_credentials.SecretAccessKey, scope);
        var sender = new ChunkSignatureChain(key, "20130524T000000Z", scope, SeedSignature);

        Assert.Equal("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648", sender.SignNext(_firstChunk));
        Assert.Equal("0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497", sender.SignNext(_secondChunk));
    }

    [Fact]
    public void CreateChunkSignatureChain_FailedVerification_Throws()
    {
        var result = _verifier.Verify(StreamingRequest(SigV4PayloadHash.StreamingSignedPayload, "66824"), _ => _credentials, _time, SigV4VerifierOptions.ForS3("us-east-1"));

        Assert.False(result.IsValid);
        Assert.Throws<InvalidOperationException>(result.CreateChunkSignatureChain);
    }

    /// <summary>Signs the example request, verifies it as the S3 emulator would, and starts its chain.</summary>
    private ChunkSignatureChain VerifiedChain(string payload, string? contentLength, string? trailer = null)
    {
        var request = StreamingRequest(payload, contentLength, trailer);
        var signed = request.WithHeaders(_signer.Sign(request, _credentials, "us-east-1", "s3", _time, SigV4SigningOptions.S3).HeadersToAdd);

        var result = _verifier.Verify(signed, _ => _credentials, _time, SigV4VerifierOptions.ForS3("us-east-1"));

        Assert.True(result.IsValid, result.Failure?.Message);
        return result.CreateChunkSignatureChain();
    }

    private static SigV4Request StreamingRequest(string payload, string? contentLength, string? trailer = null)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", "s3.amazonaws.com"),
            new("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            new("Content-Encoding", "aws-chunked"),
            new("x-amz-decoded-content-length", "66560"),
        };
        if (contentLength is not null)
        {
            headers.Add(new("Content-Length", contentLength));
        }

        if (trailer is not null)
        {
            headers.Add(new("x-amz-trailer", trailer));
        }

        return new SigV4Request("PUT", "/examplebucket/chunkObject.txt", null, headers, payload);
    }
}
