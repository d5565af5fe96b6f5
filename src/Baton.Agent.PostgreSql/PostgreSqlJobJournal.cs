using Baton.Agent.Journal;
using Npgsql;

namespace Baton.Agent.PostgreSql;

/// <summary>
/// The journal for several agent replicas: one PostgreSQL table every replica shares. Each entry is
/// owned by the agent that recorded it until its lease (<see cref="PostgreSqlJournalOptions.Lease"/>)
/// runs out; the owner renews it while the step runs, and once it stops (the agent died) a peer
/// adopts the entry and re-runs the step. The table is created on first use.
/// </summary>
public sealed class PostgreSqlJobJournal : IJobLeaseJournal, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlJournalSql _sql;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Creates the journal; nothing connects until the first call.</summary>
    /// <param name="options">Connection string, schema and lease duration (validated).</param>
    /// <param name="timeProvider">The clock that sets and checks leases.</param>
    public PostgreSqlJobJournal(PostgreSqlJournalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new PostgreSqlJournalOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _leaseDuration = options.Lease.LeaseDuration;
        _sql = new PostgreSqlJournalSql(options.Schema);
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
    }

    /// <summary>Creates the schema and table when missing. Idempotent; every other call runs it once first.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await EnsureSchemaAsync(connection, cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(_sql.Migrate, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = await CommandAsync(_sql.Record, cancellationToken);
        command.Parameters.AddWithValue("job", entry.JobId);
        command.Parameters.AddWithValue("third_party", entry.IsThirdParty);
        command.Parameters.AddWithValue("client", (object?)entry.ClientId ?? DBNull.Value);
        command.Parameters.AddWithValue("action_type", entry.ActionType);
        command.Parameters.AddWithValue("token", (object?)entry.IncomingToken ?? DBNull.Value);
        command.Parameters.AddWithValue("step", entry.Step);
        command.Parameters.AddWithValue("agent", entry.AgentId);
        command.Parameters.AddWithValue("recorded_at", entry.RecordedAt.ToUniversalTime());
        command.Parameters.AddWithValue("lease_until", LeaseUntil());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var command = await CommandAsync(_sql.Complete, cancellationToken);
        command.Parameters.AddWithValue("job", jobId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Lists the jobs an agent owns and never completed, oldest first, and renews their leases: the
    /// agent lists them to resume them, so a peer must not adopt them meanwhile.
    /// </summary>
    /// <param name="agentId">The agent replica.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async ValueTask<IReadOnlyList<JournalEntry>> ListUnreportedAsync(string agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        await using var command = await CommandAsync(_sql.ListOwned, cancellationToken);
        command.Parameters.AddWithValue("agent", agentId);
        command.Parameters.AddWithValue("lease_until", LeaseUntil());
        var rows = await ReadAsync(command, cancellationToken);
        return [.. rows.Select(r => r.Entry).OrderBy(e => e.RecordedAt).ThenBy(e => e.JobId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> RenewLeasesAsync(string agentId, IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(jobIds);
        if (jobIds.Count == 0)
        {
            return [];
        }

        await using var command = await CommandAsync(_sql.Renew, cancellationToken);
        command.Parameters.AddWithValue("agent", agentId);
        command.Parameters.AddWithValue("jobs", jobIds.ToArray());
        command.Parameters.AddWithValue("lease_until", LeaseUntil());
        var renewed = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                renewed.Add(reader.GetString(0));
            }
        }

        return [.. jobIds.Where(id => !renewed.Contains(id))];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<LeaseAdoption>> AdoptExpiredAsync(
        string agentId, IReadOnlyCollection<string> actionTypes, int maxJobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(actionTypes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxJobs, 1);
        await using var command = await CommandAsync(_sql.Adopt, cancellationToken);
        var now = _time.GetUtcNow();
        command.Parameters.AddWithValue("agent", agentId);
        command.Parameters.AddWithValue("action_types", actionTypes.ToArray());
        command.Parameters.AddWithValue("max", maxJobs);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("lease_until", (now + _leaseDuration).ToUniversalTime());
        var rows = await ReadAsync(command, cancellationToken);
        return [.. rows.OrderBy(r => r.Entry.RecordedAt).ThenBy(r => r.Entry.JobId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _migrateGate.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _dataSource.Dispose();
        _migrateGate.Dispose();
    }

    private DateTimeOffset LeaseUntil() => (_time.GetUtcNow() + _leaseDuration).ToUniversalTime();

    private async Task EnsureSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the schema exists: ask first.
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @schema);", connection);
        exists.Parameters.AddWithValue("schema", _sql.Schema);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{_sql.Schema}\";", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return _dataSource.CreateCommand(sql);
    }

    private static async Task<List<LeaseAdoption>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<LeaseAdoption>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new JournalEntry
            {
                JobId = reader.GetString(0),
                IsThirdParty = reader.GetBoolean(1),
                ClientId = reader.IsDBNull(2) ? null : reader.GetString(2),
                ActionType = reader.GetString(3),
                IncomingToken = reader.IsDBNull(4) ? null : reader.GetString(4),
                Step = reader.GetInt32(5),
                AgentId = reader.GetString(6),
                RecordedAt = reader.GetFieldValue<DateTimeOffset>(7),
            };
            rows.Add(new LeaseAdoption(entry, reader.GetString(8), reader.GetInt32(9)));
        }

        return rows;
    }
}
