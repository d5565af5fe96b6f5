namespace Baton.LoadTest.Store;

/// <summary>
/// The PostgreSQL results store, shared by several service replicas. A running test is owned by the
/// replica that claimed it for <see cref="LeaseDuration"/>, renewed with every second it stores;
/// when the owner dies, any replica claims the test again and re-runs it.
/// </summary>
public sealed class PostgreSqlTestStoreOptions
{
    /// <summary>The Npgsql connection string. Secret (it holds the password): never logged. Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The schema of the store's tables, created when missing. Lower-case letters, digits, underscores. Default: <c>public</c>.</summary>
    public string Schema { get; set; } = "public";

    /// <summary>
    /// This replica's name, recorded as the owner of the tests it runs. Keep it stable across restarts
    /// so a restarted replica releases its interrupted tests at once instead of after their lease.
    /// Default: the machine name and 8 random hex digits (new per process).
    /// </summary>
    public string ReplicaId { get; set; } = $"{Environment.MachineName}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    /// <summary>
    /// How long a running test stays owned after its last stored second. A running test stores a
    /// second every second, so this only needs to cover database hiccups. Default: 30 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the settings; throws with a message naming the setting.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("The PostgreSQL test store needs a connection string (Host=...;Username=...;Password=...;Database=...).", nameof(ConnectionString));
        }

        if (string.IsNullOrEmpty(Schema) || Schema.Length > 63 || !Schema.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') || char.IsAsciiDigit(Schema[0]))
        {
            throw new ArgumentException($"The PostgreSQL test store schema '{Schema}' is not a plain name; use 1 to 63 lower-case letters, digits and underscores, not starting with a digit.", nameof(Schema));
        }

        if (string.IsNullOrWhiteSpace(ReplicaId))
        {
            throw new ArgumentException("The PostgreSQL test store needs a replica id.", nameof(ReplicaId));
        }

        if (LeaseDuration < TimeSpan.FromSeconds(2) || LeaseDuration > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"The PostgreSQL test store lease duration is {LeaseDuration}; it must be between 00:00:02 and 01:00:00.", nameof(LeaseDuration));
        }
    }
}
