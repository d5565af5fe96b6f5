using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Baton.Emulator.Tests.S3;

public sealed class S3SdkObjectTests : IAsyncLifetime
{
    private S3TestHost _host = null!;
    private AmazonS3Client _s3 = null!;
    private string _bucket = null!;

    public async Task InitializeAsync()
    {
        _host = await S3TestHost.StartAsync();
        _s3 = _host.CreateClient();
        _bucket = S3TestData.BucketName();
        await _s3.PutBucketAsync(_bucket);
    }

    public async Task DisposeAsync()
    {
        _s3.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task PutObject_ThenGetHeadDelete_RoundTripsBytesAndMetadata()
    {
        var data = S3TestData.Bytes(100_000);
        var put = new PutObjectRequest { BucketName = _bucket, Key = "dir/a b+c.zip", InputStream = new MemoryStream(data), ContentType = "application/zip" };
        put.Metadata["pipeline"] = "demo";
        var putResponse = await _s3.PutObjectAsync(put);
        Assert.Equal($"\"{S3TestData.Md5Hex(data)}\"", putResponse.ETag);

        using var get = await _s3.GetObjectAsync(_bucket, "dir/a b+c.zip");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
        Assert.Equal("application/zip", get.Headers.ContentType);
        Assert.Equal("demo", get.Metadata["pipeline"]);
        Assert.Equal(putResponse.ETag, get.ETag);

        var head = await _s3.GetObjectMetadataAsync(_bucket, "dir/a b+c.zip");
        Assert.Equal(data.Length, head.ContentLength);
        Assert.Equal(putResponse.ETag, head.ETag);
        Assert.True(head.LastModified > DateTime.UtcNow.AddMinutes(-5));

        await _s3.DeleteObjectAsync(_bucket, "dir/a b+c.zip");
        var missing = await Assert.ThrowsAsync<AmazonS3Exception>(() => _s3.GetObjectMetadataAsync(_bucket, "dir/a b+c.zip"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("bytes=2-5", 2, 4)]
    [InlineData("bytes=990-", 990, 10)]
    [InlineData("bytes=-3", 997, 3)]
    [InlineData("bytes=995-2000", 995, 5)]
    public async Task GetObject_Range_ReturnsPartialContent(string range, int start, int length)
    {
        var data = S3TestData.Bytes(1000);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "ranged", InputStream = new MemoryStream(data) });

        var request = new HttpRequestMessage(HttpMethod.Get, $"{_bucket}/ranged");
        request.Headers.TryAddWithoutValidation("Range", range);
        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {start}-{start + length - 1}/1000", response.Content.Headers.GetValues("Content-Range").Single());
        Assert.Equal(data.AsSpan(start, length).ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetObject_SdkByteRange_ReturnsRequestedBytes()
    {
        var data = S3TestData.Bytes(1000);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "ranged", InputStream = new MemoryStream(data) });

        using var get = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = "ranged", ByteRange = new ByteRange(10, 19) });
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);

        Assert.Equal(HttpStatusCode.PartialContent, get.HttpStatusCode);
        Assert.Equal(data.AsSpan(10, 10).ToArray(), copy.ToArray());
    }

    [Fact]
    public async Task GetObject_RangeBeyondEnd_IsInvalidRange()
    {
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "small", ContentBody = "0123456789" });

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = "small", ByteRange = new ByteRange(50, 60) }));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, error.StatusCode);
        Assert.Equal("InvalidRange", error.ErrorCode);
    }

    [Fact]
    public async Task PutObject_SseKms_IsEchoedOnPutGetAndHead()
    {
        const string keyId = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var put = await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = "artifact.zip",
            ContentBody = "zip",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = keyId,
        });
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, put.ServerSideEncryptionMethod);
        Assert.Equal(keyId, put.ServerSideEncryptionKeyManagementServiceKeyId);

        using var get = await _s3.GetObjectAsync(_bucket, "artifact.zip");
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, get.ServerSideEncryptionMethod);
        Assert.Equal(keyId, get.ServerSideEncryptionKeyManagementServiceKeyId);

        var head = await _s3.GetObjectMetadataAsync(_bucket, "artifact.zip");
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, head.ServerSideEncryptionMethod);
        Assert.Equal(keyId, head.ServerSideEncryptionKeyManagementServiceKeyId);
    }

    [Fact]
    public async Task PutObject_SdkDefaults_SendsAwsChunkedWithChecksumTrailerThatIsVerifiedAndStored()
    {
        var data = S3TestData.Bytes(300_000, seed: 7);

        var put = await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "chunked", InputStream = new MemoryStream(data) });

        var sent = _host.RequestHeaders.Last(h => h.ContainsKey("x-amz-decoded-content-length"));
        Assert.StartsWith("STREAMING-", sent["x-amz-content-sha256"].ToString(), StringComparison.Ordinal);
        Assert.Equal("x-amz-checksum-crc32", sent["x-amz-trailer"].ToString());
        Assert.False(string.IsNullOrEmpty(put.ChecksumCRC32));
        using var get = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = "chunked", ChecksumMode = ChecksumMode.ENABLED });
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
        Assert.Equal(put.ChecksumCRC32, get.ChecksumCRC32);
    }

    [Fact]
    public async Task GetObject_MissingKey_IsNoSuchKey()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.GetObjectAsync(_bucket, "nope"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task GetObject_MissingBucket_IsNoSuchBucket()
    {
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => _s3.GetObjectAsync("no-such-bucket", "key"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    [Fact]
    public async Task PutObject_MissingBucket_IsNoSuchBucket()
    {
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() =>
            _s3.PutObjectAsync(new PutObjectRequest { BucketName = "no-such-bucket", Key = "key", ContentBody = "x" }));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    [Fact]
    public async Task CopyObject_CopiesBytesAndMetadata()
    {
        var put = new PutObjectRequest { BucketName = _bucket, Key = "source", ContentBody = "hello", ContentType = "text/plain" };
        put.Metadata["origin"] = "s3";
        await _s3.PutObjectAsync(put);

        var copy = await _s3.CopyObjectAsync(_bucket, "source", _bucket, "copy");

        using var get = await _s3.GetObjectAsync(_bucket, "copy");
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("hello", await reader.ReadToEndAsync());
        Assert.Equal("text/plain", get.Headers.ContentType);
        Assert.Equal("s3", get.Metadata["origin"]);
        Assert.Equal(copy.ETag, get.ETag);
    }
}
