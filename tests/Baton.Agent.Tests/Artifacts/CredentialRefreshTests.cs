using Baton.Agent.Artifacts;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.Tests.Artifacts;

public sealed class CredentialRefreshTests : IAsyncLifetime
{
    private ArtifactTestBed _bed = null!;
    private int _refreshCalls;

    public async Task InitializeAsync() =>
        _bed = await ArtifactTestBed.StartAsync(options =>
        {
            // The emulator verifies signatures and knows only the fresh credentials: the job's
            // original ones are answered with InvalidAccessKeyId, as after they expired.
            options.VerifySignatures = true;
            options.CredentialsLookup = id => id == ArtifactTestBed.FreshCredentials.AccessKeyId
                ? new AwsCredentials(id, ArtifactTestBed.FreshCredentials.SecretAccessKey, ArtifactTestBed.FreshCredentials.SessionToken)
                : null;
        });

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task ExtractToAsync_CredentialsUnknownToS3_RefreshesOnceThenSucceeds()
    {
        await _bed.Host.PutAsync("in.zip", TestZips.Create(("a.txt", "hello")));
        var logger = new FakeLogger();
        await using var artifacts = _bed.Factory(logger: logger).Create("job-1", ArtifactTestBed.Job([("In", "in.zip")]), RefreshAsync);

        await artifacts.Inputs["In"].ExtractToAsync(_bed.Destination, CancellationToken.None);

        Assert.Equal(1, _refreshCalls);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Message.Contains("InvalidAccessKeyId", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => Secrets.Any(secret => r.Message.Contains(secret, StringComparison.Ordinal)));
        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(_bed.Destination, "a.txt")));
        var keys = _bed.Host.Requests.Where(r => r.Method == "GET").Select(r => r.AccessKeyId).ToList();
        Assert.Equal([ArtifactTestBed.JobCredentials.AccessKeyId, ArtifactTestBed.FreshCredentials.AccessKeyId], keys);
    }

    [Fact]
    public async Task UploadDirectoryAsync_ExpiredToken_RefreshesOnceThenSucceeds()
    {
        FailWhenSignedBy(ArtifactTestBed.JobCredentials.AccessKeyId, 400, "ExpiredToken");
        var source = Directory.CreateDirectory(Path.Combine(_bed.Root, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(source, "r.txt"), "ok");
        await using var artifacts = _bed.Factory().Create("job-1", ArtifactTestBed.Job(outputs: [("Out", "out.zip")]), RefreshAsync);

        await artifacts.Outputs["Out"].UploadDirectoryAsync(source, CancellationToken.None);

        Assert.Equal(1, _refreshCalls);
        Assert.Equal(2, _bed.Host.Requests.Count(r => r.Method == "PUT"));
    }

    [Fact]
    public async Task ExtractToAsync_StillRejectedAfterRefresh_PermissionErrorAfterOneRefresh()
    {
        FailWhenSignedBy(null, 400, "ExpiredToken");
        await _bed.Host.PutAsync("in.zip", TestZips.Create(("a.txt", "hello")));
        await using var artifacts = _bed.Factory().Create("job-1", ArtifactTestBed.Job([("In", "in.zip")]), RefreshAsync);

        var exception = await Assert.ThrowsAsync<ArtifactException>(() => artifacts.Inputs["In"].ExtractToAsync(_bed.Destination, CancellationToken.None));

        Assert.Equal(1, _refreshCalls);
        Assert.Equal(FailureType.PermissionError, exception.FailureType);
        Assert.Contains("also after Baton re-fetched them", exception.Message);
        Assert.Contains("ExpiredToken", exception.Message);
        Assert.DoesNotContain(ArtifactTestBed.FreshCredentials.SecretAccessKey, exception.Message);
    }

    [Fact]
    public async Task ExtractToAsync_NoRefreshDelegate_PermissionErrorSayingSo()
    {
        await _bed.Host.PutAsync("in.zip", TestZips.Create(("a.txt", "hello")));
        await using var artifacts = _bed.Factory().Create("job-1", ArtifactTestBed.Job([("In", "in.zip")]));

        var exception = await Assert.ThrowsAsync<ArtifactException>(() => artifacts.Inputs["In"].ExtractToAsync(_bed.Destination, CancellationToken.None));

        Assert.Equal(FailureType.PermissionError, exception.FailureType);
        Assert.Contains("InvalidAccessKeyId", exception.Message);
        Assert.Contains("no way to re-fetch them", exception.Message);
    }

    [Fact]
    public async Task ExtractToAsync_AccessDeniedWithFreshCredentials_FailsWithoutRefresh()
    {
        FailWhenSignedBy(null, 403, "AccessDenied");
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
        await using var artifacts = _bed.Factory(timeProvider: time).Create("job-1", ArtifactTestBed.Job([("In", "in.zip")], credentials: ArtifactTestBed.FreshCredentials), RefreshAsync);

        var exception = await Assert.ThrowsAsync<ArtifactException>(() => artifacts.Inputs["In"].ExtractToAsync(_bed.Destination, CancellationToken.None));

        Assert.Equal(0, _refreshCalls);
        Assert.Equal(FailureType.PermissionError, exception.FailureType);
        Assert.Contains("S3 refused GetObject of input artifact 'In'", exception.Message);
    }

    [Fact]
    public async Task ExtractToAsync_AccessDeniedWithOldCredentials_RefreshesOnceThenSucceeds()
    {
        FailWhenSignedBy(ArtifactTestBed.FreshCredentials.AccessKeyId + "-old", 403, "AccessDenied");
        await _bed.Host.PutAsync("in.zip", TestZips.Create(("a.txt", "hello")));
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
        var old = ArtifactTestBed.FreshCredentials with { AccessKeyId = ArtifactTestBed.FreshCredentials.AccessKeyId + "-old" };
        await using var artifacts = _bed.Factory(timeProvider: time).Create("job-1", ArtifactTestBed.Job([("In", "in.zip")], credentials: old), RefreshAsync);
        time.Advance(TimeSpan.FromMinutes(11));

        await artifacts.Inputs["In"].ExtractToAsync(_bed.Destination, CancellationToken.None);

        Assert.Equal(1, _refreshCalls);
    }

    private static IEnumerable<string> Secrets =>
    [
        ArtifactTestBed.JobCredentials.SecretAccessKey, ArtifactTestBed.JobCredentials.SessionToken,
        ArtifactTestBed.FreshCredentials.SecretAccessKey, ArtifactTestBed.FreshCredentials.SessionToken,
    ];

    private Task<AWSSessionCredentials> RefreshAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refreshCalls);
        return Task.FromResult(ArtifactTestBed.FreshCredentials);
    }

    /// <summary>Answers every request signed by <paramref name="accessKeyId"/> (any key when null) with an S3 error.</summary>
    private void FailWhenSignedBy(string? accessKeyId, int status, string code) =>
        _bed.Host.Fault = async context =>
        {
            var claimed = new RecordedRequest("", "", "", context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)).AccessKeyId;
            if (accessKeyId is not null && claimed != accessKeyId)
            {
                return false;
            }

            await ArtifactS3Host.WriteErrorAsync(context, status, code, "Simulated " + code + ".");
            return true;
        };
}
