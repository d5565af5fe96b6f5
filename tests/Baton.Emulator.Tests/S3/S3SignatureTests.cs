using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Baton.CodePipeline.Signing;
using Baton.Emulator.S3.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.Emulator.Tests.S3;

public sealed class S3SignatureTests : IAsyncLifetime
{
    private readonly RecordingAuthorizer _authorizer = new();
    private S3TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await S3TestHost.StartAsync(
            options =>
            {
                options.VerifySignatures = true;
                options.CredentialsLookup = id => id switch
                {
                    "test" => new AwsCredentials("test", "test"),
                    "reader" => new AwsCredentials("reader", "reader-secret"),
                    _ => null,
                };
            },
            services => services.AddSingleton<IS3RequestAuthorizer>(_authorizer));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignedRequests_WithTheRightSecret_AreServedIncludingSignedChunkedBodies()
    {
        using var s3 = _host.CreateClient();
        await s3.PutBucketAsync("signed");
        var data = S3TestData.Bytes(200_000);

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "signed", Key = "a/b c", InputStream = new MemoryStream(data) });

        Assert.Contains(_host.RequestHeaders, h => h["x-amz-content-sha256"] == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
        using var get = await s3.GetObjectAsync("signed", "a/b c");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
        Assert.Contains(_authorizer.Requests, r => r is { AccessKeyId: "test", SignatureVerified: true, Operation: S3Operation.PutObject, Bucket: "signed", Key: "a/b c" });
    }

    [Fact]
    public async Task SignedRequest_WithAWrongSecret_IsSignatureDoesNotMatch()
    {
        using var s3 = _host.CreateClient(secretKey: "not-the-secret");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListBucketsAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
    }

    [Fact]
    public async Task SignedRequest_WithAnUnknownAccessKey_IsInvalidAccessKeyId()
    {
        using var s3 = _host.CreateClient(accessKey: "stranger", secretKey: "whatever");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListBucketsAsync());

        Assert.Equal("InvalidAccessKeyId", error.ErrorCode);
    }

    [Fact]
    public async Task UnsignedRequest_WhenVerifying_IsAccessDenied()
    {
        using var response = await _host.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresignedGetUrl_IsServed()
    {
        using var s3 = _host.CreateClient();
        await s3.PutBucketAsync("presigned");
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "presigned", Key = "report.txt", ContentBody = "details" });

        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "presigned",
            Key = "report.txt",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
        });

        Assert.Equal("details", await _host.Http.GetStringAsync(new Uri(url)));
    }

    [Fact]
    public async Task Authorizer_Denial_IsAccessDenied()
    {
        using var admin = _host.CreateClient();
        await admin.PutBucketAsync("guarded");
        using var reader = _host.CreateClient("reader", "reader-secret");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            reader.PutObjectAsync(new PutObjectRequest { BucketName = "guarded", Key = "k", ContentBody = "x" }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    /// <summary>Allows everything but writes by the "reader" key, and records every decision asked for.</summary>
    private sealed class RecordingAuthorizer : IS3RequestAuthorizer
    {
        public System.Collections.Concurrent.ConcurrentQueue<S3AuthorizationRequest> Requests { get; } = new();

        public ValueTask<bool> AuthorizeAsync(S3AuthorizationRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return ValueTask.FromResult(!(request.AccessKeyId == "reader" && request.Operation == S3Operation.PutObject));
        }
    }
}
