using System.Text.Json;
using Baton.Cli.Tests.Fakes;

namespace Baton.Cli.Tests.Commands;

public sealed class LoadTestRunCommandTests(TargetServer target) : IClassFixture<TargetServer>
{
    [Fact]
    public async Task Run_PassingThresholds_PrintsFinalTableAndExitsZero()
    {
        var (exitCode, output) = await CliRun.RunAsync(
            "loadtest", "run", target.Url, "--rate", "10", "--duration", "2s", "--thresholds", "errors<50%; p99<10s");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Corrected", output);
        Assert.Contains("Uncorrected", output);
        Assert.Contains("p95", output);
        Assert.Contains("HTTP 200", output);
        Assert.Contains("errors<50%", output);
        Assert.Contains("passed", output);
        Assert.Contains("All thresholds passed.", output);
    }

    [Fact]
    public async Task Run_ImpossibleThreshold_ReportsFailureAndExitsOne()
    {
        var (exitCode, output) = await CliRun.RunAsync(
            "loadtest", "run", target.Url, "--users", "2", "--duration", "2s", "--think-time", "100ms", "--thresholds", "p50<1us");

        Assert.True(exitCode == 1, output);
        Assert.Contains("p50<1us", output);
        Assert.Contains("FAILED", output);
        Assert.Contains("1 of 1 thresholds failed.", output);
    }

    [Fact]
    public async Task Run_Json_WritesOneDocumentWithThresholdVerdicts()
    {
        var (exitCode, output) = await CliRun.RunAsync(
            "loadtest", "run", target.Url, "--rate", "5", "--duration", "1s", "--thresholds", "errors<1%", "--json");

        Assert.True(exitCode == 0, output);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("Completed", root.GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.True(root.GetProperty("requests").GetProperty("completed").GetInt64() > 0);
        Assert.Equal("errors<1%", root.GetProperty("thresholds")[0].GetProperty("threshold").GetString());
    }

    [Fact]
    public async Task Run_BadThresholdExpression_ExitsTwoWithTheParsersColumn()
    {
        var (exitCode, output) = await CliRun.RunAsync("loadtest", "run", target.Url, "--rate", "5", "--duration", "1s", "--thresholds", "p95<<300ms");

        Assert.Equal(2, exitCode);
        Assert.Contains("column 5: expected a number", output);
    }

    [Fact]
    public async Task Run_TargetNotOnThisMachine_IsRefusedBeforeAnyRequest()
    {
        var (exitCode, output) = await CliRun.RunAsync("loadtest", "run", "http://example.com/", "--rate", "5", "--duration", "1s");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not on this machine", output);
        Assert.Contains("--allow-any-target", output);
    }

    [Theory]
    [InlineData("--rate 5 --users 2 --duration 1s", "--rate and --users exclude each other")]
    [InlineData("--rate 5", "--duration is required")]
    [InlineData("--rate 5 --duration 30", "--duration: '30' is not a duration")]
    [InlineData("--rate 5 --duration 2s --think-time 1s", "--think-time applies to virtual users")]
    [InlineData("--rate 5 --duration 2s --ramp-up 2s", "--ramp-up (2s) must be shorter than --duration (2s)")]
    [InlineData("--rate 5 --duration 2s --header NoColon", "--header: 'NoColon' is not Name:Value")]
    public async Task Run_InvalidArguments_ExitsTwoWithWhatToFix(string arguments, string expected)
    {
        var (exitCode, output) = await CliRun.RunAsync(["loadtest", "run", target.Url, .. arguments.Split(' ')]);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output);
    }

    [Fact]
    public async Task Run_CancelledBeforeTheEnd_ReportsPartialFiguresAndExits130()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var (exitCode, output) = await CliRun.RunAsync(["loadtest", "run", target.Url, "--rate", "5", "--duration", "30s"], cancellation.Token);

        Assert.True(exitCode == 130, output);
        Assert.Contains("Cancelled", output);
    }
}
