namespace Baton.Emulator.Hosting;

/// <summary>
/// Every setting of the Baton emulator, with its command-line option and default. The emulator
/// listens on 127.0.0.1 only.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>option</term><description>meaning (default)</description></listheader>
/// <item><term><c>--port N</c></term><description>TCP port; 0 picks a free one (<see cref="DefaultPort"/> = 4599, chosen so it never collides with LocalStack's 4566).</description></item>
/// <item><term><c>--data-dir DIR</c></term><description>SQLite state and artifact files that survive a restart (none: in memory).</description></item>
/// <item><term><c>--in-memory</c></term><description>keep all state in memory (the default when no data directory is given).</description></item>
/// <item><term><c>--region</c></term><description>the region in ARNs and the SigV4 scope (us-east-1).</description></item>
/// <item><term><c>--account-id</c></term><description>the 12-digit account in ARNs and jobs (123456789012).</description></item>
/// <item><term><c>--auth verify|none</c></term><description>verify SigV4 signatures or accept any request (verify).</description></item>
/// <item><term><c>--access-key</c>, <c>--secret-key</c></term><description>the one accepted credential pair (test / test).</description></item>
/// <item><term><c>--ack-timeout</c></term><description>how long a dispatched job may stay unacknowledged before it is handed out again with a new nonce (30s).</description></item>
/// <item><term><c>--job-timeout</c></term><description>how long one job may run before it is TimedOut and its action fails (1h).</description></item>
/// <item><term><c>--action-timeout</c></term><description>how long one action execution, all its jobs together, may run (24h).</description></item>
/// <item><term><c>--continuation-delay</c></term><description>how long after a success with a continuation token the next job appears (0s).</description></item>
/// </list>
/// Durations are a number followed by ms, s, m or h (see <see cref="DurationParser"/>).
/// </remarks>
public sealed class EmulatorOptions
{
    /// <summary>The port the emulator listens on when none is given.</summary>
    public const int DefaultPort = 4599;

    /// <summary>The TCP port on 127.0.0.1; 0 lets the system pick a free port.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>The directory for the SQLite state file and artifact objects, or <see langword="null"/> to keep everything in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Whether state lives in memory only (true when <see cref="DataDirectory"/> is not set).</summary>
    public bool InMemory => string.IsNullOrEmpty(DataDirectory);

    /// <summary>The AWS region the emulator pretends to be.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The 12-digit AWS account id used in ARNs and job data.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>Whether requests must carry a valid SigV4 signature.</summary>
    public EmulatorAuthMode Auth { get; set; } = EmulatorAuthMode.Verify;

    /// <summary>The access key id clients sign with.</summary>
    public string AccessKey { get; set; } = "test";

    /// <summary>The secret access key clients sign with.</summary>
    public string SecretKey { get; set; } = "test";

    /// <summary>How long a dispatched job may stay unacknowledged before it is redelivered.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one job may run before it times out.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one action execution may run before it fails.</summary>
    public TimeSpan ActionTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The delay between a success with a continuation token and the next job.</summary>
    public TimeSpan ContinuationDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How often the background timer checks timeouts, redelivery and continuation delays (1s).</summary>
    public TimeSpan TimerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether the background timer runs; tests that drive the engine with <c>TickAsync</c> may turn it off.</summary>
    public bool RunTimer { get; set; } = true;

    /// <summary>The largest request body accepted, in bytes (1 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The seed of the random source used for fault injection, or <see langword="null"/> for a random seed.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>The endpoint clients use once the port is known.</summary>
    /// <param name="port">The port actually bound.</param>
    /// <returns>For example <c>http://127.0.0.1:4599</c>.</returns>
    public static Uri EndpointFor(int port) => new($"http://127.0.0.1:{port}");
}
