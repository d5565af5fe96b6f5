using Baton.Agent.Artifacts;
using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Artifacts;

public sealed class InputArtifactTests : IAsyncLifetime
{
    private ArtifactTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ArtifactTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ExtractToAsync_NormalZip_WritesEveryFileInsideTheDirectory()
    {
        var zip = TestZips.Build(archive =>
        {
            TestZips.Add(archive, "README.md", "# app"u8.ToArray());
            TestZips.Add(archive, "src/app.js", "console.log(1);"u8.ToArray());
            TestZips.Add(archive, "bin/run.sh", "#!/bin/sh\necho ok\n"u8.ToArray(), externalAttributes: unchecked((int)0x81ED_0000));
            archive.CreateEntry("empty/");
        });
        await _bed.Host.PutAsync("pipe/SourceArti/abc.zip", zip);
        await using var artifacts = Create(("SourceOutput", "pipe/SourceArti/abc.zip"));

        var extracted = await artifacts.Inputs["SourceOutput"].ExtractToAsync(_bed.Destination, CancellationToken.None);

        Assert.Equal(3, extracted.FileCount);
        Assert.Equal("# app", await File.ReadAllTextAsync(Path.Combine(_bed.Destination, "README.md")));
        Assert.Equal("console.log(1);", await File.ReadAllTextAsync(Path.Combine(_bed.Destination, "src", "app.js")));
        Assert.True(Directory.Exists(Path.Combine(_bed.Destination, "empty")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(_bed.Destination, "bin", "run.sh")).HasFlag(UnixFileMode.UserExecute));
        }

        var get = Assert.Single(_bed.Host.Requests, r => r.Method == "GET");
        Assert.Equal($"/{ArtifactS3Host.Bucket}/pipe/SourceArti/abc.zip", get.Path);
        Assert.Equal(ArtifactTestBed.JobCredentials.AccessKeyId, get.AccessKeyId);
        Assert.Equal(ArtifactTestBed.JobCredentials.SessionToken, get.Header("x-amz-security-token"));
    }

    [Fact]
    public async Task Inputs_UnknownName_ConfigurationErrorListingTheInputs()
    {
        await using var artifacts = Create(("SourceOutput", "a.zip"), ("BuildOutput", "b.zip"));

        var exception = Assert.Throws<ArtifactException>(() => artifacts.Inputs["TestOutput"]);

        Assert.Equal(ArtifactFailureReason.UnknownArtifact, exception.Reason);
        Assert.Equal(FailureType.ConfigurationError, exception.FailureType);
        Assert.Contains("no input artifact named 'TestOutput'", exception.Message);
        Assert.Contains("'SourceOutput', 'BuildOutput'", exception.Message);
    }

    [Fact]
    public async Task DownloadAsync_ArtifactNotOfThisJob_ConfigurationError()
    {
        await using var artifacts = Create(("SourceOutput", "a.zip"));

        var exception = await Assert.ThrowsAsync<ArtifactException>(async () =>
            await artifacts.DownloadAsync(new JobArtifact("Other", ArtifactS3Host.Bucket, "x.zip"), _bed.Destination, CancellationToken.None));

        Assert.Equal(FailureType.ConfigurationError, exception.FailureType);
        Assert.Contains("'SourceOutput'", exception.Message);
    }

    [Fact]
    public async Task ExtractToAsync_ObjectMissingInS3_RevisionUnavailable()
    {
        await using var artifacts = Create(("SourceOutput", "pipe/SourceArti/gone.zip"));

        var exception = await Assert.ThrowsAsync<ArtifactException>(() =>
            artifacts.Inputs["SourceOutput"].ExtractToAsync(_bed.Destination, CancellationToken.None));

        Assert.Equal(FailureType.RevisionUnavailable, exception.FailureType);
        Assert.Contains($"s3://{ArtifactS3Host.Bucket}/pipe/SourceArti/gone.zip", exception.Message);
        Assert.Contains("NoSuchKey", exception.Message);
    }

    [Fact]
    public async Task DisposeAsync_AfterDownload_DeletesTheJobWorkDirectory()
    {
        await _bed.Host.PutAsync("in.zip", TestZips.Create(("a.txt", "a")));
        var artifacts = Create(("SourceOutput", "in.zip"));
        var zipPath = await artifacts.Inputs["SourceOutput"].DownloadAsync(CancellationToken.None);
        Assert.True(File.Exists(zipPath));
        Assert.StartsWith(artifacts.WorkDirectory, zipPath, StringComparison.Ordinal);

        await artifacts.DisposeAsync();

        Assert.False(Directory.Exists(artifacts.WorkDirectory));
    }

    private JobArtifacts Create(params (string Name, string Key)[] inputs) =>
        _bed.Factory().Create("job-1", ArtifactTestBed.Job(inputs));
}
