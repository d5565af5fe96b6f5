using Npgsql;

namespace Baton.LoadTest.Store;

/// <summary>
/// The <see cref="ITestStore"/> for several service replicas, on one PostgreSQL database. A claimed
/// test is owned by its replica with a lease that every stored second renews; once the lease has
/// expired (the owner died), the next claim by any replica takes the test again and re-runs it from
/// the start, dropping the dead run's seconds. Tables are created on first use.
/// </summary>
public sealed partial class PostgreSqlTestStore : ITestStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlTestStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly string _tests;
    private readonly string _seconds;
    private readonly string _clients;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Creates the store; nothing connects until the first call.</summary>
    /// <param name="options">Connection, schema, replica id and lease (validated here).</param>
    /// <param name="timeProvider">The clock that sets and checks leases.</param>
    public PostgreSqlTestStore(PostgreSqlTestStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _tests = $"\"{options.Schema}\".loadtest_tests";
        _seconds = $"\"{options.Schema}\".loadtest_seconds";
        _clients = $"\"{options.Schema}\".loadtest_clients";
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    /// <summary>This replica's id, the owner of the tests it claims.</summary>
    public string ReplicaId => _options.ReplicaId;

    /// <inheritdoc/>
    public async Task<(TestRecord Test, bool Created)> CreateAsync(TestRecord candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = new NpgsqlCommand(
            $"""
            INSERT INTO {_tests} (id, account_id, idempotency_key, definition, status, created_at)
            VALUES (@id, @account, @key, @definition, @status, @created)
            ON CONFLICT DO NOTHING
            """,
            connection);
        insert.Parameters.AddWithValue("id", candidate.Id);
        insert.Parameters.AddWithValue("account", candidate.AccountId);
        insert.Parameters.AddWithValue("key", NpgsqlTypes.NpgsqlDbType.Text, (object?)candidate.IdempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("definition", PostgreSqlRows.Json(candidate.Definition));
        insert.Parameters.AddWithValue("status", candidate.Status.ToString());
        insert.Parameters.AddWithValue("created", candidate.CreatedAt.ToUniversalTime());
        var created = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;

        await using var select = new NpgsqlCommand(
            created || candidate.IdempotencyKey is null
                ? $"SELECT {PostgreSqlRows.TestColumns} FROM {_tests} WHERE id = @id"
                : $"SELECT {PostgreSqlRows.TestColumns} FROM {_tests} WHERE account_id = @account AND idempotency_key = @key",
            connection);
        select.Parameters.AddWithValue("id", candidate.Id);
        select.Parameters.AddWithValue("account", candidate.AccountId);
        select.Parameters.AddWithValue("key", NpgsqlTypes.NpgsqlDbType.Text, (object?)candidate.IdempotencyKey ?? DBNull.Value);
        var stored = await PostgreSqlRows.ReadTestsAsync(select, cancellationToken).ConfigureAwait(false);
        return (stored.Single(), created);
    }

    /// <inheritdoc/>
    public async Task<TestRecord?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TestRecord>> ListAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT {PostgreSqlRows.TestColumns} FROM {_tests} WHERE account_id = @account ORDER BY created_at DESC, seq DESC LIMIT @limit", connection);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("limit", limit);
        return await PostgreSqlRows.ReadTestsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TestSecondRecord>> GetSecondsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT second, requests, errors, latency FROM {_seconds} WHERE test_id = @id ORDER BY second", connection);
        command.Parameters.AddWithValue("id", id);
        var seconds = new List<TestSecondRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            seconds.Add(new TestSecondRecord(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return seconds;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _migrateGate.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _dataSource.Dispose();
        _migrateGate.Dispose();
    }

    private DateTimeOffset LeaseUntil() => (_time.GetUtcNow() + _options.LeaseDuration).ToUniversalTime();

    private async Task<TestRecord?> GetAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {PostgreSqlRows.TestColumns} FROM {_tests} WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        var tests = await PostgreSqlRows.ReadTestsAsync(command, cancellationToken).ConfigureAwait(false);
        return tests.Count == 0 ? null : tests[0];
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await _migrateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_migrated)
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (var migrate = new NpgsqlCommand(PostgreSqlTestStoreSchema.Migrate(_options.Schema), connection, transaction))
                    {
                        await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    _migrated = true;
                }
            }
            finally
            {
                _migrateGate.Release();
            }
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }
}
