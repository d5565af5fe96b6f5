using Baton.LoadTest.Accounts;
using Baton.LoadTest.Api;

namespace Baton.LoadTest.Hosting;

/// <summary>Everything the load-test service is started with. Every setting, its flag and its default.</summary>
public sealed record LoadTestServiceOptions
{
    /// <summary><c>--port N</c>: the port on 127.0.0.1; 0 picks a free one. Default 5080.</summary>
    public int Port { get; init; } = 5080;

    /// <summary><c>--data-dir DIR</c>: where <c>loadtest.db</c> lives. Default <c>./loadtest-data</c>; ignored with <see cref="InMemory"/>.</summary>
    public string DataDirectory { get; init; } = "loadtest-data";

    /// <summary><c>--in-memory</c>: keep everything in memory (lost on exit).</summary>
    public bool InMemory { get; init; }

    /// <summary>
    /// <c>--allow-target CIDR|address|host</c> (repeatable): hosts the service may load, added to
    /// the loopback defaults (<see cref="TargetAllowList.LoopbackOnly"/>).
    /// </summary>
    public IReadOnlyList<string> AllowedTargets { get; init; } = [];

    /// <summary>
    /// <c>--account ID=KEY</c> (repeatable): the accounts and their API keys. When none are given,
    /// the service seeds <see cref="LoadTestAccount.Demo"/> (<c>demo</c> / <c>baton-demo-key</c>).
    /// </summary>
    public IReadOnlyList<LoadTestAccount> Accounts { get; init; } = [];

    /// <summary><c>--max-concurrent N</c>: tests run at once; the rest wait in the queue. Default 2.</summary>
    public int MaxConcurrentTests { get; init; } = 2;

    /// <summary>The longest test accepted. Default 1 hour.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The highest arrival rate accepted, in requests per second. Default 10,000.</summary>
    public double MaxRate { get; init; } = 10_000;

    /// <summary>The most virtual users accepted. Default 1,000.</summary>
    public int MaxUsers { get; init; } = 1_000;

    /// <summary>
    /// <c>--postgres CONNECTION-STRING</c>, or configuration <c>Baton:LoadTest:Store:PostgreSql:ConnectionString</c>
    /// (environment <c>Baton__LoadTest__Store__PostgreSql__ConnectionString</c>): keep tests in this
    /// PostgreSQL database instead of SQLite, shared by every replica given the same database and
    /// schema (<see cref="DataDirectory"/> and <see cref="InMemory"/> are then ignored). A running
    /// test is owned by one replica with a lease; when that replica dies, another re-runs the test
    /// from the start. Secret (it holds the password): never logged or printed. Default: none (SQLite).
    /// </summary>
    public string? PostgreSqlConnectionString { get; init; }

    /// <summary>
    /// <c>--postgres-schema NAME</c>, or configuration <c>Baton:LoadTest:Store:PostgreSql:Schema</c>:
    /// the schema of the PostgreSQL tables, created when missing. Default (null): <c>public</c>.
    /// </summary>
    public string? PostgreSqlSchema { get; init; }

    /// <summary>
    /// <c>--replica-id NAME</c>, or configuration <c>Baton:LoadTest:Store:PostgreSql:ReplicaId</c>:
    /// this replica's name in the shared store, distinct per replica. Keep it stable across restarts
    /// so a restarted replica hands its interrupted tests back at once instead of after their lease.
    /// Default (null): the machine name and 8 random hex digits, new per process.
    /// </summary>
    public string? ReplicaId { get; init; }

    /// <summary>
    /// Configuration <c>Baton:LoadTest:Store:PostgreSql:LeaseDuration</c>: how long a running test
    /// stays owned by its replica after the last renewal; a test whose lease expired is adopted by
    /// another replica. 2 s to 1 h. Default (null): 30 seconds.
    /// </summary>
    public TimeSpan? LeaseDuration { get; init; }

    /// <summary>
    /// Configuration <c>Baton:LoadTest:Store:PostgreSql:LeaseCheckInterval</c>: how often the runner
    /// renews the leases of its tests (and stops a test cancelled on another replica or lost to one),
    /// and looks for tests queued on other replicas and running tests whose lease expired. At most a
    /// third of the lease duration. Default (null): 2 seconds, or a third of a shorter lease.
    /// </summary>
    public TimeSpan? LeaseCheckInterval { get; init; }

    /// <summary>Whether the tests live in PostgreSQL (<see cref="PostgreSqlConnectionString"/> is set).</summary>
    public bool UsesPostgreSql => !string.IsNullOrWhiteSpace(PostgreSqlConnectionString);

    /// <summary>The lease in effect: <see cref="LeaseDuration"/> or 30 seconds.</summary>
    public TimeSpan EffectiveLeaseDuration => LeaseDuration ?? TimeSpan.FromSeconds(30);

    /// <summary>The lease check interval in effect: <see cref="LeaseCheckInterval"/>, or 2 seconds capped at a third of the lease.</summary>
    public TimeSpan EffectiveLeaseCheckInterval => LeaseCheckInterval ?? TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(2).Ticks, EffectiveLeaseDuration.Ticks / 3));

    /// <summary>The accounts in effect: <see cref="Accounts"/>, or the demo account when none are given.</summary>
    public IReadOnlyList<LoadTestAccount> EffectiveAccounts => Accounts.Count > 0 ? Accounts : [LoadTestAccount.Demo];

    /// <summary>The allow-list in effect: loopback plus <see cref="AllowedTargets"/>.</summary>
    public IReadOnlyList<string> EffectiveAllowedTargets => [.. TargetAllowList.LoopbackOnly, .. AllowedTargets];
}
