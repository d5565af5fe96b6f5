using System.Net;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Tests.Acceptance;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Security;

/// <summary>
/// A job's temporary artifact credentials reach the job's own artifacts and nothing else: every
/// S3 verb against another pipeline's input and output objects, the bucket and the job's own input
/// (which it may only read) is AccessDenied, over real HTTP with verified signatures. Once the job
/// is reported, its key is refused entirely. (ClientArtifactS3Tests covers the allowed path with AWSSDK.S3.)
/// </summary>
public sealed class ArtifactCredentialScopeTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;
    private Job _shop = null!;
    private Job _other = null!;

    public static TheoryData<string> DeniedRequests =>
    [
        "GET other input", "HEAD other input", "PUT other input", "DELETE other input",
        "GET other output", "PUT other output", "POST other output?uploads",
        "PUT own input", "DELETE own input", "DELETE own output",
        "GET bucket", "GET bucket?list-type=2", "GET bucket?uploads", "PUT bucket", "DELETE bucket", "GET service",
        "COPY other input to own output",
    ];

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip bytes");
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        foreach (var name in new[] { "shop", "other" })
        {
            await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction(name, Pipelines.LoadTestType()) });
            await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = name });
        }

        var jobs = new List<Job>();
        for (var attempt = 0; attempt < CliPipelineSteps.MaxPolls && jobs.Count < 2; attempt++)
        {
            jobs.AddRange((await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType(), MaxBatchSize = 2 })).Jobs!);
        }

        _shop = jobs.Single(j => j.Data!.PipelineContext!.PipelineName == "shop");
        _other = jobs.Single(j => j.Data!.PipelineContext!.PipelineName == "other");
        foreach (var job in jobs)
        {
            await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });
        }
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [MemberData(nameof(DeniedRequests))]
    public async Task JobCredentials_OutsideTheJobsOwnArtifacts_AreDenied(string request)
    {
        var (method, bucket, key, copySource) = Resolve(request);

        using var response = await SendAsync(method, bucket, key, Credentials(_shop), copySource);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{request} answered {(int)response.StatusCode}: {body}");
        if (method != HttpMethod.Head)
        {
            Assert.Contains("<Code>AccessDenied</Code>", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task JobCredentials_OwnArtifacts_ReadInputAndWriteOutput()
    {
        using var read = await SendAsync(HttpMethod.Get, Input(_shop).BucketName!, Input(_shop).ObjectKey!, Credentials(_shop));
        using var write = await SendAsync(HttpMethod.Put, Output(_shop).BucketName!, Output(_shop).ObjectKey!, Credentials(_shop), body: "report"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("zip bytes", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, write.StatusCode);
    }

    [Fact]
    public async Task JobCredentials_AfterTheJobIsReported_AreRefused()
    {
        await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = _shop.Id! });

        using var response = await SendAsync(HttpMethod.Get, Input(_shop).BucketName!, Input(_shop).ObjectKey!, Credentials(_shop));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task JobCredentials_SecretOfAnotherJob_FailsTheSignature()
    {
        var forged = new AwsCredentials(_shop.Data!.ArtifactCredentials!.AccessKeyId!, _other.Data!.ArtifactCredentials!.SecretAccessKey!, _shop.Data.ArtifactCredentials.SessionToken);

        using var response = await SendAsync(HttpMethod.Get, Input(_shop).BucketName!, Input(_shop).ObjectKey!, forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("SignatureDoesNotMatch", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private (HttpMethod Method, string Bucket, string Key, string? CopySource) Resolve(string request)
    {
        var bucket = Output(_shop).BucketName!;
        return request switch
        {
            "GET other input" => (HttpMethod.Get, Input(_other).BucketName!, Input(_other).ObjectKey!, null),
            "HEAD other input" => (HttpMethod.Head, Input(_other).BucketName!, Input(_other).ObjectKey!, null),
            "PUT other input" => (HttpMethod.Put, Input(_other).BucketName!, Input(_other).ObjectKey!, null),
            "DELETE other input" => (HttpMethod.Delete, Input(_other).BucketName!, Input(_other).ObjectKey!, null),
            "GET other output" => (HttpMethod.Get, Output(_other).BucketName!, Output(_other).ObjectKey!, null),
            "PUT other output" => (HttpMethod.Put, Output(_other).BucketName!, Output(_other).ObjectKey!, null),
            "POST other output?uploads" => (HttpMethod.Post, Output(_other).BucketName!, Output(_other).ObjectKey! + "?uploads", null),
            "PUT own input" => (HttpMethod.Put, Input(_shop).BucketName!, Input(_shop).ObjectKey!, null),
            "DELETE own input" => (HttpMethod.Delete, Input(_shop).BucketName!, Input(_shop).ObjectKey!, null),
            "DELETE own output" => (HttpMethod.Delete, Output(_shop).BucketName!, Output(_shop).ObjectKey!, null),
            "GET bucket" => (HttpMethod.Get, bucket, string.Empty, null),
            "GET bucket?list-type=2" => (HttpMethod.Get, bucket, "?list-type=2", null),
            "GET bucket?uploads" => (HttpMethod.Get, bucket, "?uploads", null),
            "PUT bucket" => (HttpMethod.Put, "baton-new-bucket", string.Empty, null),
            "DELETE bucket" => (HttpMethod.Delete, bucket, string.Empty, null),
            "GET service" => (HttpMethod.Get, string.Empty, string.Empty, null),
            _ => (HttpMethod.Put, Output(_shop).BucketName!, Output(_shop).ObjectKey!, $"/{Input(_other).BucketName}/{Input(_other).ObjectKey}"),
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string bucket, string key, AwsCredentials credentials, string? copySource = null, byte[]? body = null)
    {
        var path = bucket.Length == 0 ? "/" : key.Length == 0 ? $"/{bucket}" : key.StartsWith('?') ? $"/{bucket}{key}" : $"/{bucket}/{key}";
        using var request = new HttpRequestMessage(method, new Uri(_emulator.Endpoint, path));
        if (body is not null || method == HttpMethod.Put)
        {
            request.Content = new ByteArrayContent(body ?? "planted"u8.ToArray());
        }

        if (copySource is not null)
        {
            request.Headers.TryAddWithoutValidation("x-amz-copy-source", copySource);
        }

        new SigV4Signer().Sign(request, credentials, TestEmulator.Region, "s3", _emulator.Time.GetUtcNow(), SigV4SigningOptions.S3);
        return await _emulator.Http.SendAsync(request);
    }

    private static AwsCredentials Credentials(Job job) =>
        new(job.Data!.ArtifactCredentials!.AccessKeyId!, job.Data.ArtifactCredentials.SecretAccessKey!, job.Data.ArtifactCredentials.SessionToken);

    private static S3ArtifactLocation Input(Job job) => job.Data!.InputArtifacts![0].Location!.S3Location!;

    private static S3ArtifactLocation Output(Job job) => job.Data!.OutputArtifacts![0].Location!.S3Location!;
}
