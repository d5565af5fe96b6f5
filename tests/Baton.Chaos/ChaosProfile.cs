namespace Baton.Chaos;

/// <summary>
/// The size and timing of one chaos run. <see cref="Ci"/> is bounded to finish well within three
/// minutes on a 2-core machine; <see cref="Full"/> is the soak the reliability claim is stated for.
/// Every random choice (which replica dies when, how long it stays down, which emulator call
/// fails) derives from <see cref="Seed"/>, so a run can be replayed.
/// </summary>
internal sealed record ChaosProfile
{
    public required string Name { get; init; }

    /// <summary>Pipelines created and each started once.</summary>
    public required int Pipelines { get; init; }

    /// <summary>Continue steps after the start step of each action execution.</summary>
    public required int Steps { get; init; }

    /// <summary>The <c>checkAfter</c> of every step.</summary>
    public required TimeSpan CheckAfter { get; init; }

    /// <summary>Time between two <c>kill -9</c> of a random replica (uniform in the range).</summary>
    public required (TimeSpan Min, TimeSpan Max) KillInterval { get; init; }

    /// <summary>
    /// A replica is killed again only after it has been up this long: with a journal per replica
    /// (SQLite), its jobs wait for it, and it needs a moment to start (5–7 s on a busy 2-core
    /// machine) and resume them. Killing it sooner would hold its jobs until they time out.
    /// </summary>
    public required TimeSpan MinUptime { get; init; }

    /// <summary>How long a killed replica stays down (uniform in the range).</summary>
    public required (TimeSpan Min, TimeSpan Max) KillPause { get; init; }

    /// <summary>When the rolling SIGTERM restart of all replicas begins.</summary>
    public required TimeSpan RollingRestartAt { get; init; }

    /// <summary>When the emulator is restarted, and how long it stays down.</summary>
    public required TimeSpan EmulatorRestartAt { get; init; }

    public TimeSpan EmulatorDowntime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>No fault is started after this (the executions then finish in peace).</summary>
    public required TimeSpan FaultHorizon { get; init; }

    /// <summary>The whole run gives up after this.</summary>
    public required TimeSpan Deadline { get; init; }

    /// <summary>
    /// The emulator's job timeout: generous (a job held by a killed replica waits for its restart),
    /// yet short enough that a lost job shows up as TimedOut within the run's deadline.
    /// </summary>
    public required TimeSpan JobTimeout { get; init; }

    /// <summary>The emulator's acknowledgement timeout (a job polled by a replica that died before acknowledging it).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many agent replicas run.</summary>
    public int Replicas { get; init; } = 3;

    public int Seed { get; init; } = 7;

    /// <summary>Added latency on this share of emulator calls.</summary>
    public double LatencyProbability { get; init; } = 0.1;

    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The nominal length of one action execution.</summary>
    public TimeSpan ExecutionLength => CheckAfter * Steps;

    public static ChaosProfile Ci(int seed = 7) => new()
    {
        Name = "ci",
        Seed = seed,
        Pipelines = 20,
        Steps = 6,
        CheckAfter = TimeSpan.FromSeconds(2),
        KillInterval = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)),
        KillPause = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)),
        MinUptime = TimeSpan.FromSeconds(12),
        RollingRestartAt = TimeSpan.FromSeconds(25),
        EmulatorRestartAt = TimeSpan.FromSeconds(10),
        FaultHorizon = TimeSpan.FromSeconds(45),
        Deadline = TimeSpan.FromSeconds(150),
        JobTimeout = TimeSpan.FromSeconds(140),
    };

    public static ChaosProfile Full(int seed = 7) => new()
    {
        Name = "full",
        Seed = seed,
        Pipelines = 100,
        Steps = 12,
        CheckAfter = TimeSpan.FromSeconds(5),
        KillInterval = (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8)),
        KillPause = (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6)),
        MinUptime = TimeSpan.FromSeconds(15),
        RollingRestartAt = TimeSpan.FromSeconds(60),
        EmulatorRestartAt = TimeSpan.FromSeconds(40),
        EmulatorDowntime = TimeSpan.FromSeconds(5),
        FaultHorizon = TimeSpan.FromSeconds(150),
        Deadline = TimeSpan.FromMinutes(10),
        JobTimeout = TimeSpan.FromMinutes(3),
    };
}
