using Baton.Chaos.Reporting;

namespace Baton.Chaos;

/// <summary>Runs the scenario in a fresh work directory (logs, emulator data, replica journals) and removes it afterwards.</summary>
internal static class ChaosRun
{
    /// <summary>Runs one chaos scenario.</summary>
    /// <param name="profile">Size and timing.</param>
    /// <param name="journal">The replicas' journal.</param>
    /// <param name="log">Progress lines (the fault timeline).</param>
    /// <param name="keepLogs">Keep the work directory with every process's log (else it is deleted).</param>
    /// <param name="cancellationToken">Stops the run; every child process is killed.</param>
    public static async Task<ChaosReport> RunAsync(ChaosProfile profile, JournalChoice journal, TextWriter log, bool keepLogs, CancellationToken cancellationToken)
    {
        var workDirectory = Path.Combine(Path.GetTempPath(), "baton-chaos-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            return await new ChaosScenario(profile, journal, log, TimeProvider.System).RunAsync(workDirectory, cancellationToken);
        }
        finally
        {
            if (keepLogs)
            {
                log.WriteLine($"chaos: logs kept in {workDirectory}");
            }
            else if (Directory.Exists(workDirectory))
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
    }
}
