using Baton.LoadTest.Store;
using Npgsql;

namespace Baton.LoadTest.Tests.Store;

/// <summary>
/// A schema of its own in the test PostgreSQL (env <c>BATON_TEST_POSTGRES</c>, default the instance
/// eng/postgres.sh starts), dropped when the test ends. An unreachable server fails the test and
/// says how to start it.
/// </summary>
internal sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private const string DefaultConnectionString = "Host=127.0.0.1;Port=54329;Username=baton;Password=baton;Database=baton_test";

    private PostgreSqlTestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public string Schema { get; } = "lt_" + Guid.NewGuid().ToString("N");

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("BATON_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL store tests need a server at {builder.Host}:{builder.Port} (database {builder.Database}) and could not connect: {ex.Message}. "
                + "Run eng/postgres.sh (it installs and starts one), or set BATON_TEST_POSTGRES to a connection string of your own.",
                ex);
        }

        return new PostgreSqlTestDatabase(connectionString);
    }

    public PostgreSqlTestStore Store(TimeProvider time, string replicaId) => new(
        new PostgreSqlTestStoreOptions { ConnectionString = ConnectionString, Schema = Schema, ReplicaId = replicaId, LeaseDuration = TimeSpan.FromSeconds(30) },
        time);

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
