using Baton.Agent.Artifacts;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Artifacts;

public sealed class OutputArtifactTests : IAsyncLifetime
{
    private const string OutputKey = "pipe/BuildOutp/xyz";
    private ArtifactTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ArtifactTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task UploadDirectoryAsync_SmallOutputWithEncryptionKey_PutsZipWithSseKmsKeyId()
    {
        var source = WriteSource(("report.txt", "PASSED"), ("data/results.json", "{}"));
        var key = new EncryptionKey { Id = "arn:aws:kms:us-east-1:111122223333:key/abcd", Type = EncryptionKeyType.Kms };
        await using var artifacts = Create(key);

        await artifacts.Outputs["BuildOutput"].UploadDirectoryAsync(source, CancellationToken.None);

        var put = Assert.Single(_bed.Host.Requests, r => r.Method == "PUT");
        Assert.Equal($"/{ArtifactS3Host.Bucket}/{OutputKey}", put.Path);
        Assert.Equal("aws:kms", put.Header("x-amz-server-side-encryption"));
        Assert.Equal(key.Id, put.Header("x-amz-server-side-encryption-aws-kms-key-id"));
        Assert.Equal(ArtifactTestBed.JobCredentials.AccessKeyId, put.AccessKeyId);
        using var admin = _bed.Host.CreateAdminClient();
        var metadata = await admin.GetObjectMetadataAsync(ArtifactS3Host.Bucket, OutputKey);
        Assert.Equal("aws:kms", metadata.ServerSideEncryptionMethod?.Value);
        Assert.Equal(key.Id, metadata.ServerSideEncryptionKeyManagementServiceKeyId);
        var entries = await ReadZipAsync();
        Assert.Equal("PASSED", entries["report.txt"]);
        Assert.Equal("{}", entries["data/results.json"]);
    }

    [Fact]
    public async Task UploadDirectoryAsync_NoEncryptionKey_UsesSseKmsWithoutKeyId()
    {
        var source = WriteSource(("report.txt", "PASSED"));
        await using var artifacts = Create(encryptionKey: null);

        await artifacts.Outputs["BuildOutput"].UploadDirectoryAsync(source, CancellationToken.None);

        var put = Assert.Single(_bed.Host.Requests, r => r.Method == "PUT");
        Assert.Equal("aws:kms", put.Header("x-amz-server-side-encryption"));
        Assert.Null(put.Header("x-amz-server-side-encryption-aws-kms-key-id"));
    }

    [Fact]
    public async Task UploadDirectoryAsync_SymbolicLinkInOutput_RejectedBeforeUpload()
    {
        var source = WriteSource(("report.txt", "PASSED"));
        File.CreateSymbolicLink(Path.Combine(source, "secrets"), "/etc/passwd");
        await using var artifacts = Create(encryptionKey: null);

        var exception = await Assert.ThrowsAsync<ArtifactException>(() =>
            artifacts.Outputs["BuildOutput"].UploadDirectoryAsync(source, CancellationToken.None));

        Assert.Equal(ArtifactFailureReason.InvalidOutput, exception.Reason);
        Assert.Contains("'secrets' is a symbolic link", exception.Message);
        Assert.DoesNotContain(_bed.Host.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task UploadZipAsync_StreamIsNotAZip_RejectedBeforeUpload()
    {
        await using var artifacts = Create(encryptionKey: null);
        using var notZip = new MemoryStream("plain text"u8.ToArray());

        var exception = await Assert.ThrowsAsync<ArtifactException>(() =>
            artifacts.Outputs["BuildOutput"].UploadZipAsync(notZip, CancellationToken.None));

        Assert.Equal(ArtifactFailureReason.InvalidOutput, exception.Reason);
        Assert.Contains("not a ZIP file", exception.Message);
        Assert.Empty(_bed.Host.Requests);
    }

    [Fact]
    public async Task Outputs_UnknownName_ConfigurationErrorListingTheOutputs()
    {
        await using var artifacts = Create(encryptionKey: null);

        var exception = Assert.Throws<ArtifactException>(() => artifacts.Outputs["Missing"]);

        Assert.Equal(FailureType.ConfigurationError, exception.FailureType);
        Assert.Contains("no output artifact named 'Missing'", exception.Message);
        Assert.Contains("'BuildOutput'", exception.Message);
    }

    private JobArtifacts Create(EncryptionKey? encryptionKey, Action<ArtifactOptions>? configure = null) =>
        _bed.Factory(configure).Create("job-out", ArtifactTestBed.Job(outputs: [("BuildOutput", OutputKey)], encryptionKey: encryptionKey));

    private string WriteSource(params (string Path, string Content)[] files)
    {
        var source = Path.Combine(_bed.Root, "output");
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(source, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        Directory.CreateDirectory(source);
        return source;
    }

    private async Task<Dictionary<string, string>> ReadZipAsync() =>
        (await _bed.Host.ReadZipAsync(OutputKey)).ToDictionary(e => e.Key, e => System.Text.Encoding.UTF8.GetString(e.Value));
}
