using Microsoft.Data.Sqlite;

namespace Baton.Agent.Journal;

/// <summary>
/// The default journal: one SQLite file in write-ahead-log mode, written through one connection.
/// It suits one agent replica per file; several replicas that take over each other's jobs need a
/// shared database.
/// </summary>
public sealed class SqliteJobJournal : IJobJournal, IAsyncDisposable, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS journal (
            job_id         TEXT    NOT NULL PRIMARY KEY,
            third_party    INTEGER NOT NULL,
            client_id      TEXT    NULL,
            action_type    TEXT    NOT NULL,
            incoming_token TEXT    NULL,
            step           INTEGER NOT NULL,
            agent_id       TEXT    NOT NULL,
            recorded_at_ms INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS journal_agent ON journal (agent_id, recorded_at_ms);
        """;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteJobJournal(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>
    /// Opens (and creates when missing) the journal file, synchronously: for a dependency injection
    /// factory. SQLite opens a local file without waiting on anything remote.
    /// </summary>
    /// <param name="path">The database file; its directory is created when missing.</param>
    public static SqliteJobJournal Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connection = CreateConnection(path);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
            return new SqliteJobJournal(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens (and creates when missing) the journal file.</summary>
    /// <param name="path">The database file; its directory is created when missing.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<SqliteJobJournal> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connection = CreateConnection(path);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new SqliteJobJournal(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await ExecuteAsync(
            """
            INSERT OR REPLACE INTO journal (job_id, third_party, client_id, action_type, incoming_token, step, agent_id, recorded_at_ms)
            VALUES ($job, $thirdParty, $client, $actionType, $token, $step, $agent, $at);
            """,
            p =>
            {
                p.AddWithValue("$job", entry.JobId);
                p.AddWithValue("$thirdParty", entry.IsThirdParty ? 1 : 0);
                p.AddWithValue("$client", (object?)entry.ClientId ?? DBNull.Value);
                p.AddWithValue("$actionType", entry.ActionType);
                p.AddWithValue("$token", (object?)entry.IncomingToken ?? DBNull.Value);
                p.AddWithValue("$step", entry.Step);
                p.AddWithValue("$agent", entry.AgentId);
                p.AddWithValue("$at", entry.RecordedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await ExecuteAsync("DELETE FROM journal WHERE job_id = $job;", p => p.AddWithValue("$job", jobId), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<JournalEntry>> ListUnreportedAsync(string agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT job_id, third_party, client_id, action_type, incoming_token, step, agent_id, recorded_at_ms
                FROM journal WHERE agent_id = $agent ORDER BY recorded_at_ms, job_id;
                """;
            command.Parameters.AddWithValue("$agent", agentId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<JournalEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new JournalEntry
                {
                    JobId = reader.GetString(0),
                    IsThirdParty = reader.GetInt64(1) != 0,
                    ClientId = reader.IsDBNull(2) ? null : reader.GetString(2),
                    ActionType = reader.GetString(3),
                    IncomingToken = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Step = reader.GetInt32(5),
                    AgentId = reader.GetString(6),
                    RecordedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                });
            }

            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private static SqliteConnection CreateConnection(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        return new SqliteConnection(builder.ToString());
    }

    private async Task ExecuteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            bind(command.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
