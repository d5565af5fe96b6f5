using Npgsql;

namespace Baton.LoadTest.Store;

/// <summary>Claiming, progress and completion: the parts of the store that leases govern.</summary>
public sealed partial class PostgreSqlTestStore
{
    /// <summary>
    /// Claims the oldest test that is queued, or running under an expired lease (its replica died),
    /// for this replica. A re-claimed test starts over: the dead run's seconds and figures are dropped.
    /// <c>SKIP LOCKED</c> keeps two replicas from claiming the same test.
    /// </summary>
    /// <param name="now">The start time to record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed test, or null.</returns>
    public async Task<TestRecord?> ClaimNextQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var claim = new NpgsqlCommand(
            $"""
            WITH next AS (
                SELECT id FROM {_tests}
                WHERE status = 'Queued' OR (status = 'Running' AND lease_until <= @clock)
                ORDER BY created_at, seq LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE {_tests} AS t SET status = 'Running', started_at = @now, owner = @owner, lease_until = @lease_until,
                elapsed = 0, percent = 0, requests = 0, errors = 0, rps = 0, latency = NULL
            FROM next WHERE t.id = next.id
            RETURNING t.id
            """,
            connection,
            transaction);
        claim.Parameters.AddWithValue("clock", _time.GetUtcNow().ToUniversalTime());
        claim.Parameters.AddWithValue("now", now.ToUniversalTime());
        claim.Parameters.AddWithValue("owner", _options.ReplicaId);
        claim.Parameters.AddWithValue("lease_until", LeaseUntil());
        if (await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not Guid id)
        {
            return null;
        }

        await using (var clear = new NpgsqlCommand($"DELETE FROM {_seconds} WHERE test_id = @id", connection, transaction))
        {
            clear.Parameters.AddWithValue("id", id);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Persists one second and the figures so far, and renews this replica's lease on the test. A
    /// replica that lost the test (its lease expired and another replica claimed it) stores nothing.
    /// </summary>
    /// <param name="id">The test id.</param>
    /// <param name="second">The second.</param>
    /// <param name="figures">The figures including the second.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    public async Task AppendSecondAsync(Guid id, TestSecondRecord second, TestFigures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(figures);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"""
            WITH owned AS (
                UPDATE {_tests} SET elapsed = @elapsed, percent = @percent, requests = @requests, errors = @errors, rps = @rps,
                    latency = @latency, lease_until = @lease_until
                WHERE id = @id AND status = 'Running' AND owner = @owner
                RETURNING id)
            INSERT INTO {_seconds} (test_id, second, requests, errors, latency)
            SELECT id, @second, @second_requests, @second_errors, @second_latency FROM owned
            ON CONFLICT (test_id, second) DO UPDATE SET requests = excluded.requests, errors = excluded.errors, latency = excluded.latency
            """,
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", _options.ReplicaId);
        command.Parameters.AddWithValue("lease_until", LeaseUntil());
        command.Parameters.AddWithValue("second", second.Second);
        command.Parameters.AddWithValue("second_requests", second.Requests);
        command.Parameters.AddWithValue("second_errors", second.Errors);
        command.Parameters.AddWithValue("second_latency", second.LatencyHistogram);
        PostgreSqlRows.AddFigures(command.Parameters, figures);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends a queued test, a running test this replica owns, or (a cancellation, from any replica) any
    /// running test. A replica that lost its test to another leaves it as it is.
    /// </summary>
    /// <param name="id">The test id.</param>
    /// <param name="completion">How it ended.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The test afterwards, or null when it does not exist.</returns>
    public async Task<TestRecord?> CompleteAsync(Guid id, TestCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE {_tests} SET status = @status, ended_at = @ended, elapsed = @elapsed, percent = @percent, requests = @requests,
                errors = @errors, rps = @rps, latency = COALESCE(@latency, latency), thresholds = @thresholds, reason = @reason,
                owner = NULL, lease_until = NULL
            WHERE id = @id AND (status = 'Queued' OR (status = 'Running' AND (owner = @owner OR @status = 'Cancelled')))
            """,
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", _options.ReplicaId);
        command.Parameters.AddWithValue("status", completion.Status.ToString());
        command.Parameters.AddWithValue("ended", completion.EndedAt.ToUniversalTime());
        command.Parameters.AddWithValue("thresholds", PostgreSqlRows.Json(completion.Thresholds));
        command.Parameters.AddWithValue("reason", NpgsqlTypes.NpgsqlDbType.Text, (object?)completion.Reason ?? DBNull.Value);
        PostgreSqlRows.AddFigures(command.Parameters, completion.Figures);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// In a shared store an interrupted test is re-run, not ended: this releases the tests an earlier
    /// process of this replica (same <see cref="PostgreSqlTestStoreOptions.ReplicaId"/>) left Running,
    /// so the next claim by any replica re-runs them at once, and ends none. Other replicas' tests are
    /// left to their leases.
    /// </summary>
    /// <param name="now">The time the leases end.</param>
    /// <param name="reason">Unused: no test is ended.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An empty list.</returns>
    public async Task<IReadOnlyList<TestRecord>> EndInterruptedAsync(DateTimeOffset now, Func<int, string> reason, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"UPDATE {_tests} SET lease_until = LEAST(lease_until, @now) WHERE status = 'Running' AND owner = @owner", connection);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("owner", _options.ReplicaId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return [];
    }

    /// <inheritdoc/>
    public async Task<ConnectedClient> SaveClientAsync(ConnectedClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {_clients} (client_id, client_token, account_id, connected_at) VALUES (@id, @token, @account, @at)
            ON CONFLICT (client_id) DO UPDATE SET client_token = excluded.client_token, connected_at = excluded.connected_at
            WHERE {_clients}.account_id = excluded.account_id
            """,
            connection);
        command.Parameters.AddWithValue("id", client.ClientId);
        command.Parameters.AddWithValue("token", client.ClientToken);
        command.Parameters.AddWithValue("account", client.AccountId);
        command.Parameters.AddWithValue("at", client.ConnectedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return await FindClientAsync(client.ClientId, cancellationToken).ConfigureAwait(false) ?? client;
    }

    /// <inheritdoc/>
    public async Task<ConnectedClient?> FindClientAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT client_id, client_token, account_id, connected_at FROM {_clients} WHERE client_id = @id", connection);
        command.Parameters.AddWithValue("id", clientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ConnectedClient(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }
}
