using Baton.Agent.Artifacts;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Logging.Testing;

namespace Baton.Agent.Tests.Artifacts;

public sealed class MultipartUploadTests : IAsyncLifetime
{
    private const string OutputKey = "pipe/BuildOutp/large";
    private ArtifactTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ArtifactTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task UploadDirectoryAsync_LargeOutput_UploadsInPartsWithEncryptionOnCreate()
    {
        var payload = TestZips.RandomBytes(12 * 1024 * 1024, seed: 7);
        var source = WriteSource();
        await File.WriteAllBytesAsync(Path.Combine(source, "payload.bin"), payload);
        var key = new EncryptionKey { Id = "key-1", Type = EncryptionKeyType.Kms };
        await using var artifacts = Create(key, MultipartOptions);

        await artifacts.Outputs["BuildOutput"].UploadDirectoryAsync(source, CancellationToken.None);

        var create = Assert.Single(_bed.Host.RequestsMatching("POST", "uploads"));
        Assert.Equal("aws:kms", create.Header("x-amz-server-side-encryption"));
        Assert.Equal("key-1", create.Header("x-amz-server-side-encryption-aws-kms-key-id"));
        Assert.Equal(3, _bed.Host.RequestsMatching("PUT", "partNumber=").Count);
        Assert.Single(_bed.Host.RequestsMatching("POST", "uploadId="));
        var entries = await _bed.Host.ReadZipAsync(OutputKey);
        Assert.Equal(payload, entries["payload.bin"]);
        Assert.Empty(await _bed.Host.ListPendingUploadsAsync());
    }

    [Fact]
    public async Task UploadDirectoryAsync_PartFails_AbortsTheMultipartUpload()
    {
        var source = WriteSource();
        await File.WriteAllBytesAsync(Path.Combine(source, "payload.bin"), TestZips.RandomBytes(12 * 1024 * 1024, seed: 8));
        _bed.Host.Fault = async context =>
        {
            if (context.Request.Method != "PUT" || context.Request.Query["partNumber"] != "2")
            {
                return false;
            }

            await ArtifactS3Host.WriteErrorAsync(context, 400, "InvalidRequest", "Simulated part failure.");
            return true;
        };
        await using var artifacts = Create(encryptionKey: null, MultipartOptions);

        var exception = await Assert.ThrowsAsync<ArtifactException>(() =>
            artifacts.Outputs["BuildOutput"].UploadDirectoryAsync(source, CancellationToken.None));

        Assert.Equal(ArtifactFailureReason.TransferFailed, exception.Reason);
        Assert.Contains("UploadPart of output artifact 'BuildOutput'", exception.Message);
        Assert.Contains("InvalidRequest", exception.Message);
        Assert.Single(_bed.Host.RequestsMatching("DELETE", "uploadId="));
        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task UploadDirectoryAsync_PartAndAbortFail_ReportsThePartFailureAndLogsTheOrphan()
    {
        var source = WriteSource();
        await File.WriteAllBytesAsync(Path.Combine(source, "payload.bin"), TestZips.RandomBytes(12 * 1024 * 1024, seed: 10));
        _bed.Host.Fault = async context =>
        {
            var failPart = context.Request.Method == "PUT" && context.Request.Query["partNumber"] == "2";
            if (!failPart && context.Request.Method != "DELETE")
            {
                return false;
            }

            await ArtifactS3Host.WriteErrorAsync(context, 400, failPart ? "InvalidRequest" : "InvalidArgument", "Simulated failure.");
            return true;
        };
        var logger = new FakeLogger();
        await using var artifacts = _bed.Factory(MultipartOptions, logger: logger)
            .Create("job-out", ArtifactTestBed.Job(outputs: [("BuildOutput", OutputKey)]));

        var exception = await Assert.ThrowsAsync<ArtifactException>(() =>
            artifacts.Outputs["BuildOutput"].UploadDirectoryAsync(source, CancellationToken.None));

        Assert.Contains("UploadPart", exception.Message);
        var orphan = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 406);
        Assert.Contains("could not abort the multipart upload", orphan.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UploadDirectoryAsync_CancelledDuringPart_AbortsTheMultipartUpload()
    {
        var source = WriteSource();
        await File.WriteAllBytesAsync(Path.Combine(source, "payload.bin"), TestZips.RandomBytes(12 * 1024 * 1024, seed: 9));
        var partTwoArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bed.Host.Fault = async context =>
        {
            if (context.Request.Method != "PUT" || context.Request.Query["partNumber"] != "2")
            {
                return false;
            }

            await context.Request.Body.CopyToAsync(Stream.Null);
            partTwoArrived.TrySetResult();
            var aborted = new TaskCompletionSource();
            await using var registration = context.RequestAborted.Register(() => aborted.TrySetResult());
            await aborted.Task;
            return true;
        };
        await using var artifacts = Create(encryptionKey: null, MultipartOptions);
        using var cancellation = new CancellationTokenSource();

        var upload = artifacts.Outputs["BuildOutput"].UploadDirectoryAsync(source, cancellation.Token);
        await partTwoArrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Single(_bed.Host.RequestsMatching("DELETE", "uploadId="));
        await AssertNothingLeftAsync();
    }

    private static void MultipartOptions(ArtifactOptions options)
    {
        options.MultipartThreshold = 8 * ArtifactOptions.MiB;
        options.PartSize = 5 * ArtifactOptions.MiB;
    }

    private JobArtifacts Create(EncryptionKey? encryptionKey, Action<ArtifactOptions>? configure = null) =>
        _bed.Factory(configure).Create("job-out", ArtifactTestBed.Job(outputs: [("BuildOutput", OutputKey)], encryptionKey: encryptionKey));

    private string WriteSource()
    {
        var source = Path.Combine(_bed.Root, "output");
        Directory.CreateDirectory(source);
        return source;
    }

    private async Task AssertNothingLeftAsync()
    {
        Assert.Empty(await _bed.Host.ListPendingUploadsAsync());
        Assert.Empty(await _bed.Host.ListKeysAsync());
    }
}
