using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Client;

/// <summary>
/// The real AWS CLI signs a request to our server; Baton's verifier must accept exactly that
/// request and reject it after any one-byte change. This pins the signer and verifier to what
/// AWS's own tools do, not only to our reading of the spec.
/// </summary>
public sealed class AwsCliSignatureTests : IDisposable
{
    private static readonly AwsCredentials _cliCredentials = new("test", "test");

    private readonly string _directory = Directory.CreateTempSubdirectory("baton-cli-").FullName;

    [Fact]
    public async Task PollForJobs_SignedByTheAwsCli_IsAcceptedAndAnyByteChangeIsRejected()
    {
        await using var server = await ScriptedCodePipelineServer.StartAsync();
        server.ThenJson(HttpStatusCode.OK, """{"jobs":[]}""", ("x-amzn-RequestId", "cli-probe"));

        var (exitCode, stdout, stderr) = await RunAwsCliAsync(server.Url);

        Assert.True(exitCode == 0, $"aws exited with {exitCode}: {stderr}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"jobs":[]}"""), JsonNode.Parse(stdout)), stdout);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.RawTarget);
        Assert.Equal("CodePipeline_20150709.PollForJobs", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        // The CLI sends what our client sends for the same input.
        var ours = CodePipelineJson.SerializeToUtf8Bytes(new PollForJobsRequest { ActionTypeId = ClientHarness.ProbeActionType });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ours), JsonNode.Parse(request.Body)), Encoding.UTF8.GetString(request.Body));

        var now = TimeProvider.System.GetUtcNow();
        var accepted = SignatureCheck.Verify(request, now, "us-east-1", _cliCredentials);
        Assert.True(accepted.IsValid, accepted.Failure?.Message);
        Assert.Contains("x-amz-target", accepted.SignedHeaders);

        var changedHeader = SignatureCheck.Verify(
            request.Method, request.RawTarget, ChangeLastByte(request.Headers, "X-Amz-Target"), request.Body, now, "us-east-1", _cliCredentials);
        Assert.False(changedHeader.IsValid, "a request with a changed X-Amz-Target byte was accepted");
        Assert.Equal(SigV4FailureKind.SignatureMismatch, changedHeader.Failure!.Kind);

        var body = request.Body.ToArray();
        body[body.Length / 2] ^= 0x01;
        var changedBody = SignatureCheck.Verify(request.Method, request.RawTarget, request.Headers, body, now, "us-east-1", _cliCredentials);
        Assert.False(changedBody.IsValid, "a request with a changed body byte was accepted");
        Assert.Equal(SigV4FailureKind.SignatureMismatch, changedBody.Failure!.Kind);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAwsCliAsync(Uri endpoint)
    {
        var aws = FindOnPath("aws")
            ?? throw new InvalidOperationException(
                "The AWS CLI ('aws') is not on PATH, so the CLI signature test cannot run. Install it: ./test.sh does (eng/install-prerequisites.sh, apt package awscli).");
        var configFile = Path.Join(_directory, "config");
        var credentialsFile = Path.Join(_directory, "credentials");
        await File.WriteAllTextAsync(configFile, string.Empty);
        await File.WriteAllTextAsync(credentialsFile, string.Empty);

        var start = new ProcessStartInfo(aws)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "codepipeline", "poll-for-jobs",
            "--action-type-id", "category=Test,owner=Custom,provider=BatonProbe,version=1",
            "--endpoint-url", endpoint.GetLeftPart(UriPartial.Authority),
            "--region", "us-east-1",
            "--output", "json",
            "--cli-read-timeout", "10",
            "--cli-connect-timeout", "10",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Only what this test sets: no AWS settings leak in from the machine running the tests.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = _cliCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = _cliCredentials.SecretAccessKey;
        start.Environment["AWS_CONFIG_FILE"] = configFile;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = string.Empty;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {aws}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"aws did not finish within 90 s; stderr so far: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static IEnumerable<KeyValuePair<string, string>> ChangeLastByte(
        IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        headers.Select(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)
            ? new KeyValuePair<string, string>(h.Key, h.Value[..^1] + (char)(h.Value[^1] ^ 0x01))
            : h);

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Join(directory, command))
            .FirstOrDefault(File.Exists);
}
