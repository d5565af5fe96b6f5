using System.Globalization;
using System.Text.RegularExpressions;
using Baton.Cli.Tests.Fakes;

namespace Baton.Cli.Tests.Commands;

/// <summary>
/// The whole demo, in-process and non-interactive (plain lines), with a short load test: the
/// emulator, the load-test service, the sample app and the agent all run for real on 127.0.0.1.
/// </summary>
public sealed partial class DemoCommandTests
{
    private static readonly TimeSpan _limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Demo_ShortPassingRun_ShowsContinuationStepsRisingPercentAndDetailsAndExitsZero()
    {
        // A generous latency bound: the test proves the flow, and must pass on a machine busy with builds.
        var (exitCode, output) = await RunDemoAsync("--duration", "12s", "--thresholds", "p95<10s; errors<1%");

        Assert.True(exitCode == ExitCodes.Success, output);
        var continuations = ContinueStep().Matches(output)
            .Select(m => (Step: int.Parse(m.Groups["step"].Value, CultureInfo.InvariantCulture), Percent: int.Parse(m.Groups["percent"].Value, CultureInfo.InvariantCulture)))
            .Where(s => s.Step > 1)
            .ToList();
        Assert.True(continuations.Count >= 3, $"expected at least 3 continuation steps:\n{output}");
        Assert.Equal(continuations.Select(s => s.Step).Order(), continuations.Select(s => s.Step));
        Assert.Equal(continuations.Select(s => s.Percent).Order(), continuations.Select(s => s.Percent));
        Assert.True(continuations[^1].Percent > continuations[0].Percent, output);
        Assert.Matches(@"LoadTest/LoadTest: InProgress \d+% - .* \| Details: http://127\.0\.0\.1:\d+/tests/[0-9a-f-]{36}", output);
        Assert.Contains("Connected the LoadTest action: emulator handshake -> sign-up page http://127.0.0.1:", output);
        Assert.Contains("demo: approved Release/Approve automatically", output);
        Assert.Contains("Release/Approve: Succeeded", output);
        Assert.Matches(@"Execution [0-9a-f-]{36} ended: Succeeded\.", output);
        Assert.Contains("threshold p95<10s: measured", output);
        Assert.Matches(@"Console: +http://127\.0\.0\.1:\d+/console/pipelines/baton-demo", output);
    }

    [Fact]
    public async Task Demo_Fail_ExitsOneAndNamesTheFailedThresholds()
    {
        var (exitCode, output) = await RunDemoAsync("--fail", "--duration", "8s");

        Assert.True(exitCode == ExitCodes.WorkFailed, output);
        Assert.Contains("/checkout", output);
        // Every checkout takes 600 ms, so p95<500ms fails whatever the machine's load.
        Assert.Matches(@"agent step \d+ \(job [^)]+\): Fail JobFailed - FAILED thresholds: p95<500ms \(measured", output);
        Assert.Matches(@"Failed thresholds: p95<500ms \(measured [^)]+\)", output);
        Assert.Matches(@"threshold p95<500ms: measured [^-]+ - FAILED", output);
        Assert.Matches(@"Execution [0-9a-f-]{36} ended: Failed\.", output);
        Assert.DoesNotContain("approved Release/Approve", output);
    }

    private static async Task<(int ExitCode, string Output)> RunDemoAsync(params string[] options)
    {
        using var limit = new CancellationTokenSource(_limit);
        return await CliRun.RunAsync(["demo", .. options], limit.Token);
    }

    [GeneratedRegex(@"agent step (?<step>\d+) \(job [^)]+\): Continue (?<percent>\d+)%")]
    private static partial Regex ContinueStep();
}
