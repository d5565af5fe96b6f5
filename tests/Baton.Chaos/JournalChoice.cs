using System.Security.Cryptography;
using Npgsql;

namespace Baton.Chaos;

/// <summary>
/// Which journal the replicas use. PostgreSQL (the default): one journal shared by every replica,
/// in a fresh schema per run, with short leases, so a peer adopts a killed replica's jobs once its
/// lease expires. SQLite: one file per replica in its state directory, so a killed replica's jobs
/// wait for that replica to come back.
/// </summary>
internal sealed class JournalChoice
{
    /// <summary>The test instance <c>eng/postgres.sh</c> starts; <c>BATON_TEST_POSTGRES</c> overrides it.</summary>
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=54329;Username=baton;Password=baton;Database=baton_test";

    private JournalChoice(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>The schema of this run's PostgreSQL journal, once prepared.</summary>
    public string? Schema { get; private set; }

    public static JournalChoice Sqlite => new("sqlite");

    public static JournalChoice Postgres => new("postgres");

    /// <summary>How long a replica's lease on a job lasts without renewal: a killed replica's jobs wait this long.</summary>
    public static TimeSpan LeaseDuration { get; } = TimeSpan.FromSeconds(10);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("BATON_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>Parses a <c>--journal</c> value.</summary>
    /// <returns>The choice, or null for an unknown name.</returns>
    public static JournalChoice? Parse(string? name) => name switch
    {
        "sqlite" => Sqlite,
        "postgres" => Postgres,
        _ => null,
    };

    /// <summary>Prepares the journal's storage for a fresh run (a PostgreSQL journal gets its own schema).</summary>
    /// <returns>The command-line arguments that point a replica at it.</returns>
    public async Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken)
    {
        if (Name == "sqlite")
        {
            return ["--Chaos:Journal=sqlite"];
        }

        Schema = "baton_chaos_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await using (var connection = await OpenAsync(cancellationToken))
        {
            // The replicas would create it too; creating it here fails early when PostgreSQL is not there.
            await using var create = new NpgsqlCommand($"CREATE SCHEMA \"{Schema}\";", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return
        [
            "--Chaos:Journal=postgres",
            "--Baton:Agent:Journal:PostgreSql:ConnectionString=" + ConnectionString,
            "--Baton:Agent:Journal:PostgreSql:Schema=" + Schema,
            "--Baton:Agent:Journal:PostgreSql:Lease:LeaseDuration=" + LeaseDuration.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            "--Baton:Agent:Journal:PostgreSql:Lease:RenewInterval=00:00:03",
            "--Baton:Agent:Journal:PostgreSql:Lease:AdoptInterval=00:00:02",
        ];
    }

    /// <summary>Drops this run's schema, if any.</summary>
    public async Task CleanUpAsync()
    {
        if (Schema is null)
        {
            return;
        }

        await using var connection = await OpenAsync(CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
        Schema = null;
    }

    private static async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                "The PostgreSQL journal needs the test instance: run eng/postgres.sh (or set BATON_TEST_POSTGRES), or choose --journal sqlite. " + ex.Message, ex);
        }
    }
}
