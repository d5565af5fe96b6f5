using Amazon.S3;
using Amazon.S3.Model;

namespace Baton.Emulator.Tests.S3;

public sealed class S3SdkMultipartTests : IAsyncLifetime
{
    private const int MiB = 1024 * 1024;
    private S3TestHost _host = null!;
    private AmazonS3Client _s3 = null!;

    public async Task InitializeAsync()
    {
        _host = await S3TestHost.StartAsync();
        _s3 = _host.CreateClient();
        await _s3.PutBucketAsync("multi");
    }

    public async Task DisposeAsync()
    {
        _s3.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task CompleteMultipartUpload_ThreeParts_StoresConcatenationWithMultipartETag()
    {
        var parts = new[] { S3TestData.Bytes(5 * MiB, 1), S3TestData.Bytes(5 * MiB, 2), S3TestData.Bytes(1234, 3) };
        var create = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = "multi",
            Key = "big.zip",
            ContentType = "application/zip",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
        });
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = await _s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = "multi",
                Key = "big.zip",
                UploadId = create.UploadId,
                PartNumber = i + 1,
                InputStream = new MemoryStream(parts[i]),
            });
            Assert.Equal($"\"{S3TestData.Md5Hex(parts[i])}\"", part.ETag);
            etags.Add(new PartETag(i + 1, part.ETag));
        }

        var listed = await _s3.ListPartsAsync(new ListPartsRequest { BucketName = "multi", Key = "big.zip", UploadId = create.UploadId });
        Assert.Equal([1, 2, 3], listed.Parts.Select(p => p.PartNumber ?? 0));

        var complete = await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = "multi",
            Key = "big.zip",
            UploadId = create.UploadId,
            PartETags = etags,
        });

        var expectedETag = ExpectedMultipartETag(parts);
        Assert.Equal(expectedETag, complete.ETag);
        using var get = await _s3.GetObjectAsync("multi", "big.zip");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Equal(parts.SelectMany(p => p).ToArray(), copy.ToArray());
        Assert.Equal(expectedETag, get.ETag);
        Assert.Equal("application/zip", get.Headers.ContentType);
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, get.ServerSideEncryptionMethod);
    }

    [Fact]
    public async Task AbortMultipartUpload_ThenUploadPart_IsNoSuchUpload()
    {
        var create = await _s3.InitiateMultipartUploadAsync("multi", "aborted");
        await _s3.UploadPartAsync(new UploadPartRequest { BucketName = "multi", Key = "aborted", UploadId = create.UploadId, PartNumber = 1, InputStream = new MemoryStream([1, 2, 3]) });

        await _s3.AbortMultipartUploadAsync("multi", "aborted", create.UploadId);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.UploadPartAsync(new UploadPartRequest
        {
            BucketName = "multi",
            Key = "aborted",
            UploadId = create.UploadId,
            PartNumber = 2,
            InputStream = new MemoryStream([4]),
        }));
        Assert.Equal("NoSuchUpload", error.ErrorCode);
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.GetObjectMetadataAsync("multi", "aborted"));
    }

    [Fact]
    public async Task CompleteMultipartUpload_PartsOutOfOrder_IsInvalidPartOrder()
    {
        var (uploadId, etags) = await UploadSmallPartsAsync("order", 2);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => CompleteAsync("order", uploadId, [etags[1], etags[0]], sort: false));

        Assert.Equal("InvalidPartOrder", error.ErrorCode);
    }

    [Fact]
    public async Task CompleteMultipartUpload_WrongETag_IsInvalidPartAndUploadStaysOpen()
    {
        var (uploadId, etags) = await UploadSmallPartsAsync("wrong-etag", 1);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => CompleteAsync("wrong-etag", uploadId, [new PartETag(1, "\"00000000000000000000000000000000\"")]));
        Assert.Equal("InvalidPart", error.ErrorCode);

        var retry = await CompleteAsync("wrong-etag", uploadId, etags);
        Assert.EndsWith("-1\"", retry.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteMultipartUpload_SmallPartBeforeLast_IsEntityTooSmall()
    {
        var (uploadId, etags) = await UploadSmallPartsAsync("too-small", 2);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => CompleteAsync("too-small", uploadId, etags));

        Assert.Equal("EntityTooSmall", error.ErrorCode);
    }

    [Fact]
    public async Task CompleteMultipartUpload_UnknownUploadId_IsNoSuchUpload()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => CompleteAsync("ghost", "no-such-upload", [new PartETag(1, "\"x\"")]));

        Assert.Equal("NoSuchUpload", error.ErrorCode);
    }

    private async Task<(string UploadId, List<PartETag> ETags)> UploadSmallPartsAsync(string key, int count)
    {
        var create = await _s3.InitiateMultipartUploadAsync("multi", key);
        var etags = new List<PartETag>();
        for (var i = 1; i <= count; i++)
        {
            var part = await _s3.UploadPartAsync(new UploadPartRequest { BucketName = "multi", Key = key, UploadId = create.UploadId, PartNumber = i, InputStream = new MemoryStream(S3TestData.Bytes(100, i)) });
            etags.Add(new PartETag(i, part.ETag));
        }

        return (create.UploadId, etags);
    }

    private Task<CompleteMultipartUploadResponse> CompleteAsync(string key, string uploadId, List<PartETag> etags, bool sort = true)
    {
        var request = new CompleteMultipartUploadRequest { BucketName = "multi", Key = key, UploadId = uploadId, PartETags = etags };
        return sort ? _s3.CompleteMultipartUploadAsync(request) : SendUnsortedAsync(key, uploadId, etags);
    }

    /// <summary>The SDK sorts the part list itself, so an out-of-order list is sent by hand.</summary>
    private async Task<CompleteMultipartUploadResponse> SendUnsortedAsync(string key, string uploadId, List<PartETag> etags)
    {
        var body = "<CompleteMultipartUpload>" + string.Concat(etags.Select(e => $"<Part><PartNumber>{e.PartNumber}</PartNumber><ETag>{e.ETag}</ETag></Part>")) + "</CompleteMultipartUpload>";
        using var response = await _host.Http.PostAsync($"multi/{key}?uploadId={uploadId}", new StringContent(body));
        var text = await response.Content.ReadAsStringAsync();
        var code = System.Xml.Linq.XElement.Parse(text).Element("Code")?.Value;
        throw new AmazonS3Exception(text) { ErrorCode = code };
    }

    private static string ExpectedMultipartETag(byte[][] parts)
    {
        var md5s = parts.SelectMany(p => Convert.FromHexString(S3TestData.Md5Hex(p))).ToArray();
        return $"\"{S3TestData.Md5Hex(md5s)}-{parts.Length}\"";
    }
}
