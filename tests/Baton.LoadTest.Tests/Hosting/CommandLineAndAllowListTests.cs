using Baton.LoadTest.Api;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Hosting;

namespace Baton.LoadTest.Tests.Hosting;

public sealed class CommandLineAndAllowListTests
{
    [Fact]
    public void TryParse_AllOptions_SetsThem()
    {
        var ok = LoadTestCommandLine.TryParse(
            ["--port", "0", "--data-dir", "/tmp/x", "--allow-target", "10.1.0.0/16", "--allow-target", "staging.internal", "--account", "acme=acme-key-123", "--max-concurrent", "3"],
            out var options,
            out var error);

        Assert.True(ok, error);
        Assert.Equal(0, options.Port);
        Assert.Equal("/tmp/x", options.DataDirectory);
        Assert.Equal(3, options.MaxConcurrentTests);
        Assert.Equal(["127.0.0.0/8", "::1", "localhost", "10.1.0.0/16", "staging.internal"], options.EffectiveAllowedTargets);
        Assert.Equal("acme", Assert.Single(options.EffectiveAccounts).Id);
    }

    [Fact]
    public void TryParse_NoAccounts_SeedsTheDemoAccount()
    {
        Assert.True(LoadTestCommandLine.TryParse(["--in-memory"], out var options, out _));

        Assert.True(options.InMemory);
        Assert.Equal(("demo", "baton-demo-key"), (options.EffectiveAccounts[0].Id, options.EffectiveAccounts[0].ApiKey));
    }

    [Theory]
    [InlineData(new[] { "--port", "http" }, "--port must be a number")]
    [InlineData(new[] { "--allow-target", "not a host!" }, "is not a CIDR range")]
    [InlineData(new[] { "--account", "nokey" }, "--account must be ID=KEY")]
    [InlineData(new[] { "--port" }, "--port needs a value")]
    [InlineData(new[] { "--bogus", "1" }, "Unknown option '--bogus'")]
    public void TryParse_BadArguments_SaysWhatIsWrong(string[] args, string message)
    {
        Assert.False(LoadTestCommandLine.TryParse(args, out _, out var error));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1/", true)]
    [InlineData("http://127.8.9.10:8080/x", true)]
    [InlineData("http://[::1]:80/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://LOCALHOST/", true)]
    [InlineData("http://10.0.0.1/", false)]
    [InlineData("http://[::ffff:10.0.0.1]/", false)]
    [InlineData("http://example.com/", false)]
    [InlineData("http://localhost.example.com/", false)]
    public void IsAllowed_LoopbackDefaults(string url, bool allowed) =>
        Assert.Equal(allowed, new TargetAllowList(TargetAllowList.LoopbackOnly).IsAllowed(new Uri(url)));

    [Fact]
    public void Validate_TargetAddedToAllowList_IsAccepted()
    {
        var validator = new TestRequestValidator(new TargetAllowList([.. TargetAllowList.LoopbackOnly, "10.0.0.0/8"]), new LoadTestServiceOptions());

        var definition = validator.Validate(new CreateTestRequest { TargetUrl = "http://10.0.0.1/", Rate = 1, Duration = "1s" }, out var errors);

        Assert.Empty(errors);
        Assert.Equal(["http://10.0.0.1/"], definition!.Targets);
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("00:00:30", 30_000)]
    [InlineData("-5s", -5_000)]
    public void DurationText_Parses(string text, int milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData(1204.4, 41.2, 0.1, "1,204 req/s · p95 41 ms · 0.1% errors")]
    [InlineData(19.84, 4.237, 0, "19.8 req/s · p95 4.24 ms · 0% errors")]
    public void Summary_ReadsLikeTheConsoleLine(double rps, double p95, double errors, string expected) =>
        Assert.Equal(expected, FiguresText.Summary(rps, p95, errors));
}
