using System.Globalization;

namespace Baton.Chaos.Processes;

/// <summary>
/// The Baton emulator as a child process on a fixed loopback port, keeping its state in a data
/// directory so a restart continues where it stopped. Signatures are not checked (<c>--auth none</c>).
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);
    private readonly string _dataDirectory;
    private readonly string _logPath;
    private readonly ChaosProfile _profile;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly TimeProvider _time;
    private ChildProcess? _process;

    public EmulatorProcess(int port, string workDirectory, ChaosProfile profile, TimeProvider time)
    {
        _time = time;
        Endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _dataDirectory = Path.Combine(workDirectory, "emulator-data");
        _logPath = Path.Combine(workDirectory, "emulator.log");
        _profile = profile;
    }

    public Uri Endpoint { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "--port", Endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--data-dir", _dataDirectory,
            "--auth", "none",
            "--ack-timeout", Seconds(_profile.AckTimeout),
            "--job-timeout", Seconds(_profile.JobTimeout),
        ];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Logging__LogLevel__Default"] = "Warning",
        };
        _process = ChildProcess.Start(Path.Combine(DotnetHost.AssemblyDirectory, "Baton.Emulator.dll"), arguments, environment, _logPath);
        await WaitHealthyAsync(cancellationToken);
    }

    /// <summary>SIGTERM, wait, start again on the same port and data directory.</summary>
    /// <returns>What happened, for the run's log.</returns>
    public async Task<string> RestartAsync(TimeSpan downtime, CancellationToken cancellationToken)
    {
        var stopping = _time.GetTimestamp();
        var graceful = true;
        if (_process is not null)
        {
            graceful = await _process.TerminateAsync(TimeSpan.FromSeconds(15)) is not null;
            await _process.DisposeAsync();
            _process = null;
        }

        var stopped = _time.GetElapsedTime(stopping);
        await Task.Delay(downtime, _time, cancellationToken);
        var starting = _time.GetTimestamp();
        await StartAsync(cancellationToken);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{(graceful ? "stopped on SIGTERM" : "killed after 15 s")} in {stopped.TotalSeconds:0.0} s, down {downtime.TotalSeconds:0} s, healthy {_time.GetElapsedTime(starting).TotalSeconds:0.0} s after start");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _http.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _startTimeout;
        while (_time.GetUtcNow() < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The emulator exited while starting; see {_logPath}.");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri(Endpoint, "_baton/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The health request timed out; try again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken);
        }

        throw new TimeoutException($"The emulator did not answer /_baton/health within {_startTimeout.TotalSeconds} s; see {_logPath}.");
    }

    private static string Seconds(TimeSpan value) => ((int)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
}
