using Microsoft.Data.Sqlite;

namespace Baton.LoadTest.Store;

/// <summary>
/// The SQLite database under the store: a file in the data directory (WAL, so pages read while the
/// runner writes), or a named in-memory database kept alive by one open connection. Writes are
/// serialised in-process, which keeps SQLite from ever answering "database is locked".
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS tests (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL,
            idempotency_key TEXT,
            definition TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT,
            ended_at TEXT,
            elapsed REAL NOT NULL DEFAULT 0,
            percent INTEGER NOT NULL DEFAULT 0,
            requests INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            rps REAL NOT NULL DEFAULT 0,
            latency TEXT,
            thresholds TEXT,
            reason TEXT);
        CREATE UNIQUE INDEX IF NOT EXISTS tests_idempotency ON tests (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS tests_status ON tests (status, created_at);
        CREATE INDEX IF NOT EXISTS tests_account ON tests (account_id, created_at);
        CREATE TABLE IF NOT EXISTS test_seconds (
            test_id TEXT NOT NULL,
            second INTEGER NOT NULL,
            requests INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            latency TEXT NOT NULL,
            PRIMARY KEY (test_id, second));
        CREATE TABLE IF NOT EXISTS clients (
            client_id TEXT PRIMARY KEY,
            client_token TEXT NOT NULL,
            account_id TEXT NOT NULL,
            connected_at TEXT NOT NULL);
        """;

    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private SqliteDatabase(string connectionString, bool inMemory)
    {
        _connectionString = connectionString;
        if (inMemory)
        {
            _keepAlive = new SqliteConnection(connectionString);
            _keepAlive.Open();
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = (inMemory ? string.Empty : "PRAGMA journal_mode = WAL; ") + Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>Where the database lives, for the start-up banner.</summary>
    public string Description { get; private init; } = "in memory";

    /// <summary>Opens (creating when needed) <c>loadtest.db</c> in a directory.</summary>
    public static SqliteDatabase OpenFile(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, "loadtest.db"));
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true };
        return new SqliteDatabase(builder.ToString(), inMemory: false) { Description = path };
    }

    /// <summary>A private in-memory database, gone when disposed.</summary>
    public static SqliteDatabase OpenInMemory()
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = "baton-loadtest-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        };
        return new SqliteDatabase(builder.ToString(), inMemory: true);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction, one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = await work(connection, transaction).ConfigureAwait(false);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _keepAlive?.Dispose();
        _writeLock.Dispose();
    }
}
