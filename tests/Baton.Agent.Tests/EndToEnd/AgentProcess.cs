using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// Baton.TestAgent running as its own process (<c>dotnet Baton.TestAgent.dll --Key=Value …</c>).
/// The test reads its marker lines from standard output, stops it with SIGTERM or kills it with
/// SIGKILL; disposing kills the process tree if it still runs.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    public const string Marker = "baton-test-agent";
    private const int KeptErrorLines = 60;

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private AgentProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Every standard output line so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public static AgentProcess Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestAgentPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Endpoints and credentials come from the arguments only.
        foreach (var name in new[] { "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_CODEPIPELINE", "AWS_PROFILE" })
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start };
        var agent = new AgentProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                agent._lines.Writer.TryComplete();
                return;
            }

            agent._output.Enqueue(e.Data);
            agent._lines.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                agent._errors.Enqueue(e.Data);
                while (agent._errors.Count > KeptErrorLines && agent._errors.TryDequeue(out string? _))
                {
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Reads output lines until one starts with <c>baton-test-agent </c> + <paramref name="marker"/>; returns it.</summary>
    public async Task<string> WaitForMarkerAsync(string marker, TimeSpan timeout)
    {
        var expected = $"{Marker} {marker}";
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(deadline.Token))
            {
                if (line.StartsWith(expected, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail($"The test agent printed no '{expected}' within {timeout.TotalSeconds:0} s.{Diagnostics()}");
        }

        Assert.Fail($"The test agent exited (code {ExitCodeText()}) without printing '{expected}'.{Diagnostics()}");
        return string.Empty;
    }

    /// <summary>Asks the agent to stop as a service manager would: SIGTERM.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill -TERM {Id} failed with exit code {kill.ExitCode}.");
    }

    /// <summary>Kills the agent without warning: SIGKILL, as <c>kill -9</c> or a lost node.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail($"The test agent did not exit within {timeout.TotalSeconds:0} s.{Diagnostics()}");
        }

        return _process.ExitCode;
    }

    /// <summary>The agent's output and the end of its log, for failure messages.</summary>
    public string Diagnostics() =>
        $"{Environment.NewLine}test agent {Id} stdout:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", _output)}"
        + $"{Environment.NewLine}stderr (last {KeptErrorLines} lines):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", _errors)}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(deadline.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private string ExitCodeText() => _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";

    // The dotnet host that runs the tests runs the agent too.
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    // The project reference builds Baton.TestAgent into its own output folder, which mirrors the
    // tests' folder with the project name swapped (bin/Debug/net10.0 or an --artifacts-path layout);
    // its deps.json there resolves the native SQLite library. The tests' own folder is the fallback.
    private static string TestAgentPath()
    {
        var testsDirectory = AppContext.BaseDirectory;
        var sibling = testsDirectory.Replace("Baton.Agent.Tests", "Baton.TestAgent", StringComparison.Ordinal);
        foreach (var directory in new[] { sibling, testsDirectory })
        {
            var dll = Path.Combine(directory, "Baton.TestAgent.dll");
            if (File.Exists(dll) && File.Exists(Path.Combine(directory, "Baton.TestAgent.runtimeconfig.json")))
            {
                return dll;
            }
        }

        throw new FileNotFoundException(
            $"Baton.TestAgent.dll (with its runtimeconfig.json) is in neither {sibling} nor {testsDirectory}; build tests/Baton.Agent.Tests, which references tests/Baton.TestAgent.");
    }
}
