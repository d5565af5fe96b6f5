using Baton.Cli.Tests.Fakes;

namespace Baton.Cli.Tests.Commands;

public sealed class HelpTests
{
    [Theory]
    [InlineData("", "loadtest")]
    [InlineData("demo", "--fail")]
    [InlineData("emulator", "--continuation-delay")]
    [InlineData("agent", "--once")]
    [InlineData("loadtest", "serve")]
    [InlineData("loadtest run", "--allow-any-target")]
    [InlineData("loadtest serve", "--allow-target")]
    [InlineData("pipeline", "watch")]
    [InlineData("pipeline start", "--variable")]
    [InlineData("pipeline status", "--endpoint-url")]
    [InlineData("pipeline watch", "--execution-id")]
    [InlineData("action", "register")]
    [InlineData("action register", "--third-party")]
    public async Task Help_EveryCommand_PrintsUsageAndExitsZero(string command, string expected)
    {
        string[] args = [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"];

        var (exitCode, output) = await CliRun.RunAsync(args);

        Assert.True(exitCode == 0, output);
        Assert.Contains("USAGE:", output);
        Assert.Contains(expected, output);
    }

    [Fact]
    public async Task UnknownOption_ExitsTwo()
    {
        var (exitCode, output) = await CliRun.RunAsync("pipeline", "status", "web", "--no-such-option");

        Assert.Equal(2, exitCode);
        Assert.Contains("no-such-option", output);
    }

    [Theory]
    [InlineData("emulator --port abc", "--port: 'abc' is not a port")]
    [InlineData("emulator --in-memory --data-dir x", "--in-memory and --data-dir exclude each other")]
    [InlineData("loadtest serve --max-concurrent x", "--max-concurrent")]
    [InlineData("agent", "--config is required")]
    [InlineData("agent --config missing.json", "--config: 'missing.json' does not exist")]
    [InlineData("demo --duration 1s", "--duration: '1s' is out of range; use 5s to 30m")]
    [InlineData("demo --duration soon", "--duration: 'soon' is not a duration")]
    [InlineData("demo --thresholds p95<<1ms", "--thresholds \"p95<<1ms\"")]
    public async Task HostingCommands_BadOptions_ExitTwoWithTheirOwnMessages(string command, string expected)
    {
        var (exitCode, output) = await CliRun.RunAsync(command.Split(' '));

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output);
    }
}
