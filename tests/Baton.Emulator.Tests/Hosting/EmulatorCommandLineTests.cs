using System.Diagnostics;
using Baton.Emulator.Hosting;

namespace Baton.Emulator.Tests.Hosting;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void Parse_NoArguments_GivesTheDocumentedDefaults()
    {
        var options = EmulatorCommandLine.Parse([]).Options!;

        Assert.Equal(4599, options.Port);
        Assert.True(options.InMemory);
        Assert.Equal("us-east-1", options.Region);
        Assert.Equal("123456789012", options.AccountId);
        Assert.Equal(EmulatorAuthMode.Verify, options.Auth);
        Assert.Equal(("test", "test"), (options.AccessKey, options.SecretKey));
        Assert.Equal(TimeSpan.FromSeconds(30), options.AckTimeout);
        Assert.Equal(TimeSpan.FromHours(1), options.JobTimeout);
        Assert.Equal(TimeSpan.FromHours(24), options.ActionTimeout);
        Assert.Equal(TimeSpan.Zero, options.ContinuationDelay);
    }

    [Fact]
    public void Parse_EveryOption_IsApplied()
    {
        var options = EmulatorCommandLine.Parse(
        [
            "--port", "0", "--data-dir", "/tmp/x", "--region", "eu-west-1", "--account-id", "111122223333", "--auth", "none",
            "--access-key", "AK", "--secret-key", "SK", "--ack-timeout=500ms", "--job-timeout", "5m", "--action-timeout", "2h", "--continuation-delay", "10s",
        ]).Options!;

        Assert.Equal(0, options.Port);
        Assert.Equal("/tmp/x", options.DataDirectory);
        Assert.False(options.InMemory);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("111122223333", options.AccountId);
        Assert.Equal(EmulatorAuthMode.None, options.Auth);
        Assert.Equal(("AK", "SK"), (options.AccessKey, options.SecretKey));
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.AckTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.JobTimeout);
        Assert.Equal(TimeSpan.FromHours(2), options.ActionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ContinuationDelay);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "Unknown option '--bogus'.")]
    [InlineData(new[] { "--port", "http" }, "--port: 'http' is not a port; use a number from 0 to 65535 (0 picks a free port).")]
    [InlineData(new[] { "--port" }, "--port: a value is required.")]
    [InlineData(new[] { "--job-timeout", "5x" }, "--job-timeout: '5x' is not a duration; use a number followed by ms, s, m or h, e.g. 30s")]
    [InlineData(new[] { "--ack-timeout", "0s" }, "--ack-timeout: must be longer than 0; use e.g. 30s.")]
    [InlineData(new[] { "--auth", "maybe" }, "--auth: 'maybe' is not an auth mode; use verify or none.")]
    [InlineData(new[] { "--account-id", "12" }, "--account-id: '12' is not an account id; use 12 digits, e.g. 123456789012.")]
    [InlineData(new[] { "--in-memory", "--data-dir", "d" }, "--in-memory and --data-dir exclude each other; give one of them.")]
    public void Parse_BadArguments_ExplainsWhatToFix(string[] args, string error)
    {
        var result = EmulatorCommandLine.Parse(args);

        Assert.Null(result.Options);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Parse_Help_RequestsUsage()
    {
        Assert.True(EmulatorCommandLine.Parse(["--help"]).HelpRequested);
        Assert.Contains("--continuation-delay", EmulatorCommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_UnknownOption_ExitsWithCode2AndUsage()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Baton.Emulator.dll"), "--bogus"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("error: Unknown option '--bogus'.", error, StringComparison.Ordinal);
        Assert.Contains("Usage: Baton.Emulator", error, StringComparison.Ordinal);
    }
}
