using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace Baton.Emulator.Tests.S3;

public sealed class S3SdkBucketAndListTests : IAsyncLifetime
{
    private S3TestHost _host = null!;
    private AmazonS3Client _s3 = null!;

    public async Task InitializeAsync()
    {
        _host = await S3TestHost.StartAsync();
        _s3 = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _s3.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task PutBucket_ThenHeadListDelete_Works()
    {
        await _s3.PutBucketAsync(new PutBucketRequest { BucketName = "artifacts-one", BucketRegionName = "eu-west-1" });

        var list = await _s3.ListBucketsAsync();
        Assert.Contains(list.Buckets, b => b.BucketName == "artifacts-one");
        var head = await _s3.HeadBucketAsync(new HeadBucketRequest { BucketName = "artifacts-one" });
        Assert.Equal(HttpStatusCode.OK, head.HttpStatusCode);

        await _s3.DeleteBucketAsync("artifacts-one");
        var gone = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.HeadBucketAsync(new HeadBucketRequest { BucketName = "artifacts-one" }));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task PutBucket_Twice_IsBucketAlreadyOwnedByYou()
    {
        await _s3.PutBucketAsync("twice");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.PutBucketAsync("twice"));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("BucketAlreadyOwnedByYou", error.ErrorCode);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper-Case")]
    [InlineData("under_score")]
    [InlineData("-leading")]
    [InlineData("two..dots")]
    [InlineData("192.168.1.1")]
    [InlineData("xn--punycode")]
    public async Task PutBucket_InvalidName_IsInvalidBucketName(string name)
    {
        using var response = await _host.Http.PutAsync(name, null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidBucketName</Code>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteBucket_NotEmpty_IsBucketNotEmpty()
    {
        await _s3.PutBucketAsync("full");
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "full", Key = "k", ContentBody = "x" });

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.DeleteBucketAsync("full"));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("BucketNotEmpty", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteBucket_Missing_IsNoSuchBucket()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.DeleteBucketAsync("never-created"));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    [Fact]
    public async Task ListObjectsV2_PrefixAndDelimiter_RollsUpCommonPrefixes()
    {
        await SeedAsync("list", "a/1", "a/2", "b/x/1", "b/y", "c", "d");

        var top = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "list", Delimiter = "/" });
        Assert.Equal(["c", "d"], top.S3Objects.Select(o => o.Key));
        Assert.Equal(["a/", "b/"], top.CommonPrefixes);
        Assert.Equal(4, top.KeyCount);

        var underB = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "list", Prefix = "b/", Delimiter = "/" });
        Assert.Equal(["b/y"], underB.S3Objects.Select(o => o.Key));
        Assert.Equal(["b/x/"], underB.CommonPrefixes);

        var flat = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "list", Prefix = "b" });
        Assert.Equal(["b/x/1", "b/y"], flat.S3Objects.Select(o => o.Key));
        Assert.Equal(1L, flat.S3Objects[0].Size);
    }

    [Fact]
    public async Task ListObjectsV2_MaxKeys_PaginatesWithContinuationTokens()
    {
        await SeedAsync("paged", "k1", "k2", "k3", "k4", "k5");
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "paged", MaxKeys = 2, ContinuationToken = token });
            seen.AddRange(page.S3Objects.Select(o => o.Key));
            Assert.Equal(page.NextContinuationToken is not null, page.IsTruncated);
            token = page.NextContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["k1", "k2", "k3", "k4", "k5"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListObjectsV2_DelimiterPages_NeverRepeatACommonPrefix()
    {
        await SeedAsync("rollup", "a/1", "a/2", "a/3", "b/1", "c");
        var entries = new List<string>();
        string? token = null;
        do
        {
            var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "rollup", Delimiter = "/", MaxKeys = 1, ContinuationToken = token });
            entries.AddRange((page.S3Objects ?? []).Select(o => o.Key).Concat(page.CommonPrefixes ?? []));
            token = page.NextContinuationToken;
        }
        while (token is not null && entries.Count < 10);

        Assert.Equal(["a/", "b/", "c"], entries);
    }

    [Fact]
    public async Task ListObjectsV2_StartAfter_SkipsEarlierKeys()
    {
        await SeedAsync("after", "a", "b", "c");

        var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "after", StartAfter = "a" });

        Assert.Equal(["b", "c"], page.S3Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task ListObjectsV2_BadContinuationToken_IsInvalidArgument()
    {
        await _s3.PutBucketAsync("tokens");

        using var response = await _host.Http.GetAsync("tokens?list-type=2&continuation-token=%%%");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>InvalidArgument</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListObjects_Version1_ListsWithMarker()
    {
        await SeedAsync("version-one", "a", "b", "c");

        var page = await _s3.ListObjectsAsync(new ListObjectsRequest { BucketName = "version-one", Marker = "a", MaxKeys = 1 });

        Assert.Equal(["b"], page.S3Objects.Select(o => o.Key));
        Assert.True(page.IsTruncated);
    }

    [Fact]
    public async Task DeleteObjects_RemovesEveryListedKey()
    {
        await SeedAsync("batch", "x", "y", "z");

        var result = await _s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "batch", Objects = [new KeyVersion { Key = "x" }, new KeyVersion { Key = "y" }] });

        Assert.Equal(2, result.DeletedObjects.Count);
        var left = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "batch" });
        Assert.Equal(["z"], left.S3Objects.Select(o => o.Key));
    }

    private async Task SeedAsync(string bucket, params string[] keys)
    {
        await _s3.PutBucketAsync(bucket);
        foreach (var key in keys)
        {
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" });
        }
    }
}
