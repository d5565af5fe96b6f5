using Microsoft.Data.Sqlite;

namespace Baton.LoadTest.Store;

/// <summary>The SQLite <see cref="ITestStore"/>: a file under the data directory, or in memory.</summary>
public sealed partial class SqliteTestStore : ITestStore, IDisposable
{
    private readonly SqliteDatabase _database;

    private SqliteTestStore(SqliteDatabase database) => _database = database;

    /// <summary>Where the data lives (the database path, or "in memory").</summary>
    public string Description => _database.Description;

    /// <summary>Opens (creating when needed) the store in <c>loadtest.db</c> under a directory.</summary>
    /// <param name="dataDirectory">The data directory; created when missing.</param>
    /// <returns>The store.</returns>
    public static SqliteTestStore OpenFile(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return new SqliteTestStore(SqliteDatabase.OpenFile(dataDirectory));
    }

    /// <summary>A store that lives in memory and is gone when disposed.</summary>
    /// <returns>The store.</returns>
    public static SqliteTestStore OpenInMemory() => new(SqliteDatabase.OpenInMemory());

    /// <inheritdoc/>
    public Task<(TestRecord Test, bool Created)> CreateAsync(TestRecord candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO tests (id, account_id, idempotency_key, definition, status, created_at)
                VALUES ($id, $account, $key, $definition, $status, $created)
                ON CONFLICT DO NOTHING
                """;
            insert.Parameters.AddWithValue("$id", candidate.Id.ToString());
            insert.Parameters.AddWithValue("$account", candidate.AccountId);
            insert.Parameters.AddWithValue("$key", (object?)candidate.IdempotencyKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("$definition", SqliteRows.Json(candidate.Definition));
            insert.Parameters.AddWithValue("$status", candidate.Status.ToString());
            insert.Parameters.AddWithValue("$created", SqliteRows.Time(candidate.CreatedAt));
            var created = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;

            using var select = connection.CreateCommand();
            select.Transaction = transaction;
            select.CommandText = created || candidate.IdempotencyKey is null
                ? $"SELECT {SqliteRows.TestColumns} FROM tests WHERE id = $id"
                : $"SELECT {SqliteRows.TestColumns} FROM tests WHERE account_id = $account AND idempotency_key = $key";
            select.Parameters.AddWithValue("$id", candidate.Id.ToString());
            select.Parameters.AddWithValue("$account", candidate.AccountId);
            select.Parameters.AddWithValue("$key", (object?)candidate.IdempotencyKey ?? DBNull.Value);
            var stored = await SqliteRows.ReadTestsAsync(select, cancellationToken).ConfigureAwait(false);
            return (stored.Single(), created);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<TestRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        return await GetAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TestRecord>> ListAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteRows.TestColumns} FROM tests WHERE account_id = $account ORDER BY created_at DESC, rowid DESC LIMIT $limit";
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$limit", limit);
        return await SqliteRows.ReadTestsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<TestRecord?> ClaimNextQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE tests SET status = 'Running', started_at = $now
                WHERE id = (SELECT id FROM tests WHERE status = 'Queued' ORDER BY created_at, rowid LIMIT 1)
                RETURNING id
                """;
            command.Parameters.AddWithValue("$now", SqliteRows.Time(now));
            var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            return id is null ? null : await GetAsync(connection, transaction, Guid.Parse(id), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc/>
    public Task AppendSecondAsync(Guid id, TestSecondRecord second, TestFigures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(figures);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT OR REPLACE INTO test_seconds (test_id, second, requests, errors, latency) VALUES ($id, $second, $secondRequests, $secondErrors, $secondLatency);
                UPDATE tests SET elapsed = $elapsed, percent = $percent, requests = $requests, errors = $errors, rps = $rps, latency = $latency
                WHERE id = $id AND status = 'Running';
                """;
            command.Parameters.AddWithValue("$id", id.ToString());
            command.Parameters.AddWithValue("$second", second.Second);
            command.Parameters.AddWithValue("$secondRequests", second.Requests);
            command.Parameters.AddWithValue("$secondErrors", second.Errors);
            command.Parameters.AddWithValue("$secondLatency", second.LatencyHistogram);
            SqliteRows.AddFigures(command.Parameters, figures);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TestRecord?> CompleteAsync(Guid id, TestCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE tests SET status = $status, ended_at = $ended, elapsed = $elapsed, percent = $percent, requests = $requests,
                    errors = $errors, rps = $rps, latency = COALESCE($latency, latency), thresholds = $thresholds, reason = $reason
                WHERE id = $id AND status IN ('Queued', 'Running')
                """;
            command.Parameters.AddWithValue("$id", id.ToString());
            command.Parameters.AddWithValue("$status", completion.Status.ToString());
            command.Parameters.AddWithValue("$ended", SqliteRows.Time(completion.EndedAt));
            command.Parameters.AddWithValue("$thresholds", SqliteRows.Json(completion.Thresholds));
            command.Parameters.AddWithValue("$reason", (object?)completion.Reason ?? DBNull.Value);
            SqliteRows.AddFigures(command.Parameters, completion.Figures);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return await GetAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TestSecondRecord>> GetSecondsAsync(Guid id, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT second, requests, errors, latency FROM test_seconds WHERE test_id = $id ORDER BY second";
        command.Parameters.AddWithValue("$id", id.ToString());
        var seconds = new List<TestSecondRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            seconds.Add(new TestSecondRecord(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return seconds;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<TestRecord>> EndInterruptedAsync(DateTimeOffset now, Func<int, string> reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return _database.WriteAsync<IReadOnlyList<TestRecord>>(async (connection, transaction) =>
        {
            using var select = connection.CreateCommand();
            select.Transaction = transaction;
            select.CommandText = $"SELECT {SqliteRows.TestColumns} FROM tests WHERE status = 'Running'";
            var interrupted = await SqliteRows.ReadTestsAsync(select, cancellationToken).ConfigureAwait(false);
            var ended = new List<TestRecord>();
            foreach (var test in interrupted)
            {
                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                var kept = await CountSecondsAsync(connection, transaction, test.Id, cancellationToken).ConfigureAwait(false);
                update.CommandText = "UPDATE tests SET status = 'Error', ended_at = $now, thresholds = '[]', reason = $reason WHERE id = $id";
                update.Parameters.AddWithValue("$id", test.Id.ToString());
                update.Parameters.AddWithValue("$now", SqliteRows.Time(now));
                update.Parameters.AddWithValue("$reason", reason(kept));
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                ended.Add((await GetAsync(connection, transaction, test.Id, cancellationToken).ConfigureAwait(false))!);
            }

            return ended;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _database.Dispose();

    private static async Task<int> CountSecondsAsync(SqliteConnection connection, SqliteTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM test_seconds WHERE test_id = $id";
        command.Parameters.AddWithValue("$id", id.ToString());
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<TestRecord?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, Guid id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SqliteRows.TestColumns} FROM tests WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString());
        var tests = await SqliteRows.ReadTestsAsync(command, cancellationToken).ConfigureAwait(false);
        return tests.Count == 0 ? null : tests[0];
    }
}
