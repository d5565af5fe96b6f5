using System.Text;
using Baton.Emulator.S3;
using Baton.Emulator.S3.Auth;
using Baton.Emulator.S3.Storage;
using Baton.Emulator.S3.Streaming;

namespace Baton.Emulator.Tests.S3;

/// <summary>Unit tests of the pure parts: ranges, checksums, names, routing and listing.</summary>
public sealed class S3UnitTests
{
    [Theory]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=0-", 0, 10)]
    [InlineData("bytes=-20", 0, 10)]
    [InlineData("bytes=9-100", 9, 1)]
    public void ByteRange_Parse_ResolvesAgainstSize(string header, long start, long length)
    {
        Assert.Equal(new ByteRange(start, length), ByteRange.Parse(header, 10));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("items=0-1")]
    [InlineData("bytes=0-1,4-5")]
    [InlineData("bytes=5-2")]
    [InlineData("bytes=a-b")]
    public void ByteRange_ParseMalformed_IsIgnoredLikeS3(string? header)
    {
        Assert.Null(ByteRange.Parse(header, 10));
    }

    [Theory]
    [InlineData("bytes=10-", 10)]
    [InlineData("bytes=-0", 10)]
    [InlineData("bytes=0-", 0)]
    public void ByteRange_ParseUnsatisfiable_IsInvalidRange(string header, long size)
    {
        var error = Assert.Throws<S3Exception>(() => ByteRange.Parse(header, size));

        Assert.Equal(416, error.StatusCode);
        Assert.Equal("InvalidRange", error.Code);
    }

    [Theory]
    [InlineData("CRC32", "y/Q5Jg==")]
    [InlineData("CRC32C", "4waSgw==")]
    [InlineData("CRC64NVME", "rosUhgp5mIg=")]
    [InlineData("SHA256", "FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=")]
    public void S3Checksum_StandardCheckInput_MatchesKnownValues(string algorithm, string expected)
    {
        using var checksum = S3Checksum.Create(algorithm)!;

        checksum.Append("123456789"u8);

        Assert.Equal(expected, checksum.ToBase64());
    }

    [Theory]
    [InlineData("artifacts.localhost", "artifacts")]
    [InlineData("ARTIFACTS.localhost", "ARTIFACTS")]
    [InlineData("my.bucket.s3.localhost", "my.bucket")]
    [InlineData("localhost", null)]
    [InlineData("s3.localhost", null)]
    [InlineData("127.0.0.1", null)]
    [InlineData("example.com", null)]
    public void S3Routing_VirtualHostBucket_ReadsTheBucketFromTheHost(string host, string? expected)
    {
        Assert.Equal(expected, S3Routing.VirtualHostBucket(host));
    }

    [Theory]
    [InlineData("codepipeline-us-east-1-123456789012")]
    [InlineData("a.b-c")]
    [InlineData("abc")]
    public void BucketNames_ValidName_HasNoProblem(string name)
    {
        Assert.Null(BucketNames.Problem(name));
    }

    [Fact]
    public void ObjectListing_MaxKeysZero_IsEmptyAndNotTruncated()
    {
        var page = ObjectListing.Page([Info("a")], string.Empty, string.Empty, null, 0);

        Assert.Empty(page.Contents);
        Assert.False(page.IsTruncated);
    }

    [Fact]
    public void ObjectListing_ExactlyFullPage_IsNotTruncated()
    {
        var page = ObjectListing.Page([Info("a"), Info("b")], string.Empty, string.Empty, null, 2);

        Assert.Equal(2, page.Contents.Count);
        Assert.False(page.IsTruncated);
    }

    [Fact]
    public async Task AwsChunkedStream_WrongChunkSignature_IsSignatureDoesNotMatch()
    {
        var body = new MemoryStream(Encoding.ASCII.GetBytes("3;chunk-signature=bad\r\nabc\r\n0;chunk-signature=bad\r\n\r\n"));
        using var stream = new AwsChunkedStream(body, new RejectingValidator(), 1024);

        var error = await Assert.ThrowsAsync<S3Exception>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal("SignatureDoesNotMatch", error.Code);
    }

    [Fact]
    public async Task AwsChunkedStream_ChunkLargerThanLimit_IsInvalidArgument()
    {
        var body = new MemoryStream(Encoding.ASCII.GetBytes("800\r\n"));
        using var stream = new AwsChunkedStream(body, null, 1024);

        var error = await Assert.ThrowsAsync<S3Exception>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal("InvalidArgument", error.Code);
    }

    private static ObjectInfo Info(string key) => new(key, 1, "\"e\"", DateTimeOffset.UnixEpoch, ObjectAttributes.Empty);

    private sealed class RejectingValidator : IChunkSignatureValidator
    {
        public bool ValidateChunk(ReadOnlySpan<byte> chunkData, string signature) => false;

        public bool ValidateTrailer(string trailingHeaders, string signature) => false;
    }
}
