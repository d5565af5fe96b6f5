using Amazon.S3.Model;

namespace Baton.Emulator.Tests.S3;

public sealed class S3FileSystemStoreTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "baton-s3-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task FileSystemStore_AfterHostRestart_StillServesBucketsObjectsAndMetadata()
    {
        var single = S3TestData.Bytes(10_000, 4);
        var parts = new[] { S3TestData.Bytes(5 * 1024 * 1024, 5), S3TestData.Bytes(10, 6) };
        string multipartETag;
        await using (var first = await S3TestHost.StartAsync(o => o.DataDirectory = _dataDirectory))
        {
            using var s3 = first.CreateClient();
            await s3.PutBucketAsync("durable");
            var put = new PutObjectRequest { BucketName = "durable", Key = "dir/one", InputStream = new MemoryStream(single), ContentType = "application/zip" };
            put.Metadata["stage"] = "source";
            await s3.PutObjectAsync(put);
            multipartETag = await UploadMultipartAsync(s3, parts);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = "durable", Key = "deleted", ContentBody = "gone" });
            await s3.DeleteObjectAsync("durable", "deleted");
        }

        await using var second = await S3TestHost.StartAsync(o => o.DataDirectory = _dataDirectory);
        using var again = second.CreateClient();
        using var get = await again.GetObjectAsync("durable", "dir/one");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Equal(single, copy.ToArray());
        Assert.Equal("application/zip", get.Headers.ContentType);
        Assert.Equal("source", get.Metadata["stage"]);

        var multipart = await again.GetObjectMetadataAsync("durable", "multi");
        Assert.Equal(multipartETag, multipart.ETag);
        Assert.Equal(parts.Sum(p => p.Length), multipart.ContentLength);

        var list = await again.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "durable" });
        Assert.Equal(["dir/one", "multi"], list.S3Objects.Select(o => o.Key));
    }

    private static async Task<string> UploadMultipartAsync(Amazon.S3.AmazonS3Client s3, byte[][] parts)
    {
        var create = await s3.InitiateMultipartUploadAsync("durable", "multi");
        var etags = new List<PartETag>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = await s3.UploadPartAsync(new UploadPartRequest { BucketName = "durable", Key = "multi", UploadId = create.UploadId, PartNumber = i + 1, InputStream = new MemoryStream(parts[i]) });
            etags.Add(new PartETag(i + 1, part.ETag));
        }

        var complete = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = "durable", Key = "multi", UploadId = create.UploadId, PartETags = etags });
        return complete.ETag;
    }
}
