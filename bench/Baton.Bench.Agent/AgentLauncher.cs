using System.Diagnostics;
using System.Globalization;

namespace Baton.Bench.Agent;

/// <summary>
/// Starts an agent process of this executable (<c>agent</c> role), reads its step statistics and
/// its memory from <c>/proc</c>, and stops it with SIGTERM (SIGKILL if it does not end).
/// </summary>
internal sealed class AgentLauncher : IAsyncDisposable
{
    private static readonly HashSet<Process> _running = [];
    private readonly Process _process;
    private readonly string _directory;
    private readonly string _statsFile;

    private AgentLauncher(Process process, string directory)
    {
        _process = process;
        _directory = directory;
        _statsFile = Path.Combine(directory, "stats");
    }

    public int ProcessId => _process.Id;

    public static AgentLauncher Start(Uri endpoint, int types, int concurrency)
    {
        var directory = Directory.CreateTempSubdirectory("baton-bench-agent-").FullName;
        var self = typeof(AgentLauncher).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var arg in new[]
        {
            self, "agent", "--endpoint", endpoint.ToString(),
            "--types", types.ToString(CultureInfo.InvariantCulture),
            "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture),
            "--state", Path.Combine(directory, "state"), "--stats", Path.Combine(directory, "stats"),
            "--parent", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        // Keep the agent's own settings out of reach of the caller's environment.
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new BenchException("could not start the agent process.");
        lock (_running)
        {
            _running.Add(process);
        }

        return new AgentLauncher(process, directory);
    }

    /// <summary>Kills every agent process still running (the driver is being stopped).</summary>
    public static void KillAll()
    {
        lock (_running)
        {
            foreach (var process in _running.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The agent's statistics: starts, finishes, continuations, delay p50/p99/max in ms.</summary>
    public (long Starts, long Finishes, long Continuations, double P50, double P99, double Max) ReadStats()
    {
        if (!File.Exists(_statsFile))
        {
            return default;
        }

        var parts = File.ReadAllText(_statsFile).Split(' ');
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture), D(parts[3]), D(parts[4]), D(parts[5]));
    }

    /// <summary>Resident set size now and at its peak (VmRSS, VmHWM), in MiB.</summary>
    public (double Current, double Peak) ReadMemory()
    {
        double current = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kilobytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024.0;
            }
        }

        return (current, peak);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        lock (_running)
        {
            _running.Remove(_process);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
