using Xunit.Abstractions;

namespace Baton.Chaos.Tests;

/// <summary>
/// The chaos scenario's CI profile, end to end: the emulator and three agent replicas as processes,
/// kill -9, a rolling SIGTERM restart, an emulator restart and injected API faults. About 1.5–2.5
/// minutes on a 2-core machine; filter it out with <c>--filter Category!=Chaos</c>. The replicas share
/// the PostgreSQL journal of the test instance (<c>eng/postgres.sh</c>, or <c>BATON_TEST_POSTGRES</c>).
/// </summary>
public sealed class ChaosScenarioTests(ITestOutputHelper output)
{
    private static readonly TimeSpan _bound = TimeSpan.FromMinutes(3);

    [Fact]
    [Trait("Category", "Chaos")]
    public async Task RunAsync_CiProfileUnderKillsRestartsAndFaults_EveryExecutionSucceedsWithNoLostStart()
    {
        using var timeout = new CancellationTokenSource(_bound);
        using var progress = new StringWriter();
        var report = await ChaosRun.RunAsync(ChaosProfile.Ci(), JournalChoice.Postgres, TextWriter.Synchronized(progress), keepLogs: false, timeout.Token);

        output.WriteLine(progress.ToString());
        output.WriteLine(report.Render());
        Assert.True(report.Passed, report.Render());
        Assert.Equal(report.Profile.Pipelines, report.Succeeded);
        Assert.Equal(0, report.Emulator.JobsByStatus.GetValueOrDefault("TimedOut"));
        Assert.Equal(report.Profile.Pipelines, report.Backend.Runs);
        Assert.True(report.Kills > 0 && report.RollingRestarts == 1 && report.EmulatorRestarts == 1, "every kind of fault was applied");
        Assert.True(report.Emulator.ErrorsByCode.GetValueOrDefault("ThrottlingException") > 0, "throttling was injected");
    }
}
