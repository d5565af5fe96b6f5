using Baton.Agent.Artifacts;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Artifacts;

/// <summary>Malicious and oversized input artifacts: each rule rejects the artifact, names the entry, and writes nothing.</summary>
public sealed class UnsafeInputArtifactTests : IAsyncLifetime
{
    private ArtifactTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ArtifactTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("nested/../../escape.txt")]
    [InlineData("..\\escape.txt")]
    public async Task ExtractToAsync_ZipSlipEntry_RejectedNamingTheEntry(string entryName)
    {
        var exception = await ExtractRejectedAsync(TestZips.Create(("ok.txt", "fine"), (entryName, "pwned")));

        Assert.Equal(ArtifactFailureReason.PathTraversal, exception.Reason);
        Assert.Equal(FailureType.JobFailed, exception.FailureType);
        Assert.Contains($"entry '{entryName}'", exception.Message);
        Assert.Contains("'..'", exception.Message);
        Assert.False(File.Exists(Path.Combine(_bed.Root, "escape.txt")));
        Assert.False(File.Exists(Path.Combine(_bed.Destination, "ok.txt")), "a rejected artifact leaves none of its files");
    }

    [Theory]
    [InlineData("/etc/cron.d/evil")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("\\\\server\\share\\evil")]
    public async Task ExtractToAsync_AbsolutePathEntry_Rejected(string entryName)
    {
        var exception = await ExtractRejectedAsync(TestZips.Create((entryName, "pwned")));

        Assert.Equal(ArtifactFailureReason.AbsolutePath, exception.Reason);
        Assert.Contains($"entry '{entryName}'", exception.Message);
        Assert.Contains("relative", exception.Message);
    }

    [Fact]
    public async Task ExtractToAsync_SymbolicLinkEntry_Rejected()
    {
        var zip = TestZips.Build(archive => TestZips.Add(archive, "config", "/etc/passwd"u8.ToArray(), TestZips.SymbolicLinkAttributes));

        var exception = await ExtractRejectedAsync(zip);

        Assert.Equal(ArtifactFailureReason.SymbolicLink, exception.Reason);
        Assert.Contains("entry 'config'", exception.Message);
        Assert.Contains("symbolic link", exception.Message);
        Assert.False(File.Exists(Path.Combine(_bed.Destination, "config")));
    }

    [Fact]
    public async Task ExtractToAsync_DestinationHasSymbolicLink_RefusesToWriteThroughIt()
    {
        var outside = Path.Combine(_bed.Root, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(_bed.Destination);
        Directory.CreateSymbolicLink(Path.Combine(_bed.Destination, "link"), outside);

        var exception = await ExtractRejectedAsync(TestZips.Create(("link/planted.txt", "pwned")));

        Assert.Equal(ArtifactFailureReason.SymbolicLink, exception.Reason);
        Assert.Contains("entry 'link/planted.txt'", exception.Message);
        Assert.False(File.Exists(Path.Combine(outside, "planted.txt")));
    }

    [Fact]
    public async Task ExtractToAsync_ZipBomb_RejectedByCompressionRatio()
    {
        var zip = TestZips.Build(archive => TestZips.Add(archive, "bomb.bin", new byte[20 * 1024 * 1024]));

        var exception = await ExtractRejectedAsync(zip, o => o.MaxCompressionRatio = 100);

        Assert.Equal(ArtifactFailureReason.CompressionRatio, exception.Reason);
        Assert.Contains("entry 'bomb.bin'", exception.Message);
        Assert.Contains("MaxCompressionRatio", exception.Message);
        Assert.False(File.Exists(Path.Combine(_bed.Destination, "bomb.bin")));
    }

    [Fact]
    public async Task ExtractToAsync_TooManyEntries_Rejected()
    {
        var zip = TestZips.Create(("1.txt", "a"), ("2.txt", "b"), ("3.txt", "c"), ("4.txt", "d"));

        var exception = await ExtractRejectedAsync(zip, o => o.MaxEntryCount = 3);

        Assert.Equal(ArtifactFailureReason.TooManyEntries, exception.Reason);
        Assert.Contains("entry '4.txt'", exception.Message);
        Assert.Contains("4 entries, more than the limit of 3", exception.Message);
    }

    [Fact]
    public async Task ExtractToAsync_OverTotalSizeCap_Rejected()
    {
        var zip = TestZips.Build(archive =>
        {
            TestZips.Add(archive, "a.bin", TestZips.RandomBytes(600, seed: 1));
            TestZips.Add(archive, "b.bin", TestZips.RandomBytes(600, seed: 2));
        });

        var exception = await ExtractRejectedAsync(zip, o => o.MaxExtractedBytes = 1000);

        Assert.Equal(ArtifactFailureReason.TooLarge, exception.Reason);
        Assert.Contains("entry 'b.bin'", exception.Message);
        Assert.Contains("more than 1000 bytes", exception.Message);
    }

    [Fact]
    public async Task ExtractToAsync_NotAZip_RejectedWithClearMessage()
    {
        var exception = await ExtractRejectedAsync("this is a plain text file"u8.ToArray());

        Assert.Equal(ArtifactFailureReason.NotAZipFile, exception.Reason);
        Assert.Equal(FailureType.JobFailed, exception.FailureType);
        Assert.Contains("Input artifact 'SourceOutput' is not a ZIP file", exception.Message);
    }

    private async Task<ArtifactException> ExtractRejectedAsync(byte[] zip, Action<ArtifactOptions>? configure = null)
    {
        await _bed.Host.PutAsync("input.zip", zip);
        await using var artifacts = _bed.Factory(configure).Create("job-1", ArtifactTestBed.Job([("SourceOutput", "input.zip")]));
        var exception = await Assert.ThrowsAsync<ArtifactException>(() =>
            artifacts.Inputs["SourceOutput"].ExtractToAsync(_bed.Destination, CancellationToken.None));
        Assert.Equal("SourceOutput", exception.ArtifactName);
        return exception;
    }
}
