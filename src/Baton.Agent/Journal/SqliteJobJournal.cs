using Microsoft.Data.Sqlite;

namespace Baton.Agent.Journal;

/// <summary>
/// The default journal: one SQLite file in write-ahead-log mode, written through one connection.
/// It suits one agent replica per file; several replicas that take over each other's jobs need a
/// shared database.
/// </summary>
/// <remarks>
/// Every job step writes twice (record before the handler runs, complete after the report), so
/// both writes are kept cheap: the insert and the delete are prepared once and reused, and run
/// synchronously (Microsoft.Data.Sqlite's async methods complete synchronously anyway and only
/// add allocations).
/// <para>
/// Durability: with <c>journal_mode = WAL</c> and <c>synchronous = NORMAL</c> each write is one
/// autocommit transaction appended to the write-ahead log, and it is in the log — the operating
/// system's page cache — before <see cref="RecordAsync"/> returns. A killed agent process
/// (<c>kill -9</c>, a crash, an out-of-memory kill) therefore never loses a recorded entry: the
/// next open replays the log. What it gives up against <c>synchronous = FULL</c> is an fsync per
/// commit: a power loss or kernel crash can lose the last few entries (the file itself stays
/// consistent; the log is only synced at checkpoints). A job lost that way is not reported by
/// this replica and CodePipeline fails it at its timeout — the same outcome as losing the node
/// with its disk. An fsync on every step would cost more than the step itself.
/// </para>
/// </remarks>
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

    private const string RecordSql = """
        INSERT OR REPLACE INTO journal (job_id, third_party, client_id, action_type, incoming_token, step, agent_id, recorded_at_ms)
        VALUES ($job, $thirdParty, $client, $actionType, $token, $step, $agent, $at);
        """;

    private const string CompleteSql = "DELETE FROM journal WHERE job_id = $job;";

    // In the order RecordAsync sets them.
    private static readonly string[] _recordParameters = ["$job", "$thirdParty", "$client", "$actionType", "$token", "$step", "$agent", "$at"];

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteCommand _record;
    private readonly SqliteCommand _complete;

    private SqliteJobJournal(SqliteConnection connection)
    {
        _connection = connection;
        _record = connection.CreateCommand();
        _record.CommandText = RecordSql;
        foreach (var name in _recordParameters)
        {
            _record.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _record.Prepare();
        _complete = connection.CreateCommand();
        _complete.CommandText = CompleteSql;
        _complete.Parameters.Add(new SqliteParameter { ParameterName = "$job" });
        _complete.Prepare();
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
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var p = _record.Parameters;
            p[0].Value = entry.JobId;
            p[1].Value = entry.IsThirdParty ? 1 : 0;
            p[2].Value = (object?)entry.ClientId ?? DBNull.Value;
            p[3].Value = entry.ActionType;
            p[4].Value = (object?)entry.IncomingToken ?? DBNull.Value;
            p[5].Value = entry.Step;
            p[6].Value = entry.AgentId;
            p[7].Value = entry.RecordedAt.ToUnixTimeMilliseconds();
            _record.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _complete.Parameters[0].Value = jobId;
            _complete.ExecuteNonQuery();
        }
        finally
        {
            _gate.Release();
        }
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
        await _record.DisposeAsync();
        await _complete.DisposeAsync();
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _record.Dispose();
        _complete.Dispose();
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
}
