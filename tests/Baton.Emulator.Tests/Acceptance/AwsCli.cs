using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Baton.Emulator.Tests.Acceptance;

/// <summary>
/// The real AWS CLI as a child process pointed at the emulator: its own config and credentials
/// files in a temporary directory, test/test credentials, JSON output, and a bounded wait.
/// </summary>
internal sealed class AwsCli : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private readonly Uri _endpoint;

    public AwsCli(Uri endpoint)
    {
        _endpoint = endpoint;
        Directory = Path.Combine(Path.GetTempPath(), "baton-acceptance-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "config"), "[default]\nregion = us-east-1\n");
        File.WriteAllText(Path.Combine(Directory, "credentials"), "[default]\naws_access_key_id = test\naws_secret_access_key = test\n");
    }

    /// <summary>The temporary directory holding the CLI's files and any file a test hands it.</summary>
    public string Directory { get; }

    /// <summary>Runs the CLI and parses its JSON output; a non-zero exit fails with the CLI's error text.</summary>
    public async Task<JsonElement> JsonAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Stderr}");
        }

        return string.IsNullOrWhiteSpace(result.Stdout) ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    /// <summary>Runs the CLI and returns its exit code and output, whatever they are.</summary>
    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(_endpoint.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = Directory;
        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(Directory, "config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Directory, "credentials");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_PAGER"] = string.Empty;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start.");
        }
        catch (Win32Exception exception)
        {
            Assert.Fail($"The AWS CLI ('aws') is not installed or not on PATH ({exception.Message}); install aws-cli to run Baton's acceptance tests.");
            throw;
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(_timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"aws {string.Join(' ', arguments)} did not finish within {_timeout.TotalSeconds} s.");
            }

            return new CliResult(process.ExitCode, await stdout, await stderr);
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>What one CLI run produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
