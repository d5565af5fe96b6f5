using System.Diagnostics;
using System.Text.Json;
using Baton.CodePipeline.Signing;

namespace Baton.Emulator.Tests.S3;

/// <summary>The real AWS CLI, as a separate process, against the emulator with signature verification on.</summary>
public sealed class S3AwsCliTests : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "baton-s3-cli-" + Guid.NewGuid().ToString("N"));
    private S3TestHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        await File.WriteAllTextAsync(Path.Combine(_home, "config"), "[default]\nregion = us-east-1\ns3 =\n    multipart_threshold = 5MB\n    multipart_chunksize = 5MB\n");
        await File.WriteAllTextAsync(Path.Combine(_home, "credentials"), "[default]\naws_access_key_id = test\naws_secret_access_key = test\n");
        _host = await S3TestHost.StartAsync(options =>
        {
            options.VerifySignatures = true;
            options.CredentialsLookup = id => id == "test" ? new AwsCredentials("test", "test") : null;
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task AwsCli_MakeBucketCopyUpAndDownListAndHead_Works()
    {
        var upload = Path.Combine(_home, "artifact.bin");
        var download = Path.Combine(_home, "downloaded.bin");
        var data = S3TestData.Bytes(10 * 1024 * 1024, 9);
        await File.WriteAllBytesAsync(upload, data);

        await RunAsync("s3", "mb", "s3://cli-bucket");
        await RunAsync("s3", "cp", upload, "s3://cli-bucket/builds/artifact.bin");
        var listing = await RunAsync("s3", "ls", "s3://cli-bucket/builds/");
        var head = JsonDocument.Parse(await RunAsync("s3api", "head-object", "--bucket", "cli-bucket", "--key", "builds/artifact.bin")).RootElement;
        await RunAsync("s3", "cp", "s3://cli-bucket/builds/artifact.bin", download);

        Assert.Contains("artifact.bin", listing, StringComparison.Ordinal);
        Assert.Contains(data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), listing, StringComparison.Ordinal);
        Assert.Equal(data.Length, head.GetProperty("ContentLength").GetInt64());
        Assert.EndsWith("-2\"", head.GetProperty("ETag").GetString(), StringComparison.Ordinal);
        Assert.Equal(data, await File.ReadAllBytesAsync(download));
    }

    [Fact]
    public async Task AwsCli_CopyMissingObject_FailsWithNotFound()
    {
        await RunAsync("s3", "mb", "s3://cli-missing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("s3", "cp", "s3://cli-missing/nothing", Path.Combine(_home, "x")));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(_host.BaseUri.ToString().TrimEnd('/'));
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = _home;
        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_home, "config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home, "credentials");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}");
    }
}
