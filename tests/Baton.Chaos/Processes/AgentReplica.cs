namespace Baton.Chaos.Processes;

/// <summary>
/// One agent replica (Baton.Chaos.Agent) as a child process. Its agent id, state directory and
/// journal stay the same across restarts, so a restarted replica resumes what it had acknowledged.
/// </summary>
internal sealed class AgentReplica : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string[] _arguments;
    private readonly string _logPath;
    private ChildProcess? _process;
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AgentReplica(string name, string workDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> journalArguments)
    {
        Name = name;
        var stateDirectory = Path.Combine(workDirectory, name);
        Directory.CreateDirectory(stateDirectory);
        _logPath = Path.Combine(workDirectory, name + ".log");
        _environment = environment;
        _arguments = ["--Baton:Agent:AgentId=" + name, "--Baton:Agent:StateDirectory=" + stateDirectory, .. journalArguments];
    }

    public string Name { get; }

    public bool IsRunning => _process is { HasExited: false };

    public int Kills { get; private set; }

    public int GracefulStops { get; private set; }

    /// <summary>SIGTERM stops that did not end with exit code 0 in time.</summary>
    public int UngracefulStops { get; private set; }

    public void Start()
    {
        var ready = _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = ChildProcess.Start(
            Path.Combine(DotnetHost.AssemblyDirectory, "Baton.Chaos.Agent.dll"),
            _arguments,
            _environment,
            _logPath,
            line =>
            {
                // The poller logs this once the replica has resumed its journal and polls.
                if (line.Contains(" Polling ", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            });
    }

    /// <summary>Waits until the replica polls (after resuming its journal), at most <paramref name="timeout"/>.</summary>
    /// <returns>Whether it got there in time.</returns>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await _ready.Task.WaitAsync(timeout, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.KillAsync();
        await _process.DisposeAsync();
        _process = null;
        Kills++;
    }

    public async Task StopGracefullyAsync(TimeSpan grace)
    {
        if (_process is null)
        {
            return;
        }

        var exitCode = await _process.TerminateAsync(grace);
        await _process.DisposeAsync();
        _process = null;
        if (exitCode == 0)
        {
            GracefulStops++;
        }
        else
        {
            UngracefulStops++;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }
}
