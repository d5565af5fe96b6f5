using Baton.Agent.Options;
using Npgsql;

namespace Baton.Agent.PostgreSql.Tests.Infrastructure;

/// <summary>
/// A schema of its own in the test PostgreSQL (env <c>BATON_TEST_POSTGRES</c>, default the instance
/// eng/postgres.sh starts), dropped at the end of the test, so tests never see each other's jobs.
/// An unreachable server fails the test and says how to start it.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=54329;Username=baton;Password=baton;Database=baton_test";

    private TestDatabase(string connectionString, string schema)
    {
        ConnectionString = connectionString;
        Schema = schema;
    }

    public string ConnectionString { get; }

    public string Schema { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("BATON_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : DefaultConnectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server at {builder.Host}:{builder.Port} (database {builder.Database}, user {builder.Username}) and could not connect: {ex.Message}. "
                + "Run eng/postgres.sh (it installs and starts one), or set BATON_TEST_POSTGRES to a connection string of your own.",
                ex);
        }

        return new TestDatabase(connectionString, "t_" + Guid.NewGuid().ToString("N"));
    }

    public PostgreSqlJournalOptions Options(TimeSpan? leaseDuration = null) => new()
    {
        ConnectionString = ConnectionString,
        Schema = Schema,
        Lease = new JournalLeaseOptions
        {
            LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(30),
            RenewInterval = (leaseDuration ?? TimeSpan.FromSeconds(30)) / 4,
        },
    };

    public PostgreSqlJobJournal Journal(TimeProvider time, TimeSpan? leaseDuration = null) => new(Options(leaseDuration), time);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{table}", $"\"{Schema}\".baton_agent_journal", StringComparison.Ordinal), connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
