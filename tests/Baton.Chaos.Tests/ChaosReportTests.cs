using Baton.Chaos.Backend;
using Baton.Chaos.Reporting;

namespace Baton.Chaos.Tests;

public sealed class ChaosReportTests
{
    [Fact]
    public void Failures_CleanRun_None()
    {
        var report = Report(statuses: "Succeeded", runs: 2);

        Assert.True(report.Passed, string.Join("; ", report.Failures));
        Assert.Contains("result           : PASSED", report.Render());
    }

    [Fact]
    public void Failures_FailedExecutionAndMissingRun_NamesBoth()
    {
        var report = Report(statuses: "Failed", runs: 1);

        Assert.False(report.Passed);
        Assert.Contains(report.Failures, f => f.Contains("did not succeed") && f.Contains("chaos-002"));
        Assert.Contains(report.Failures, f => f.Contains("1 runs for 2 action executions"));
    }

    [Fact]
    public void Failures_NoFaultApplied_FailsTheRun()
    {
        var report = Report(statuses: "Succeeded", runs: 2) with { Kills = 0 };

        Assert.Contains(report.Failures, f => f.Contains("Not every fault was applied"));
    }

    private static ChaosReport Report(string statuses, int runs) => new()
    {
        Profile = ChaosProfile.Ci() with { Pipelines = 2 },
        Journal = "sqlite",
        Duration = TimeSpan.FromSeconds(90),
        ExecutionStatuses = new Dictionary<string, string> { ["chaos-001"] = "Succeeded", ["chaos-002"] = statuses },
        Backend = new LedgerSummary(runs, 0, 0, 0, 12, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero),
        Emulator = new EmulatorCounters(),
        Kills = 3,
        GracefulStops = 3,
        UngracefulStops = 0,
        RollingRestarts = 1,
        EmulatorRestarts = 1,
    };
}
