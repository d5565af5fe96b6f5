using Npgsql;

namespace Baton.LoadTest.Store;

/// <summary>Renewing and handing back leases, for the runner (<see cref="ITestLeaseStore"/>).</summary>
public sealed partial class PostgreSqlTestStore : ITestLeaseStore
{
    /// <inheritdoc/>
    public TimeSpan LeaseDuration => _options.LeaseDuration;

    /// <inheritdoc/>
    public async Task<TestLeaseState> RenewLeaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"""
            WITH renewed AS (
                UPDATE {_tests} SET lease_until = @lease_until
                WHERE id = @id AND status = 'Running' AND owner = @owner
                RETURNING id)
            SELECT (SELECT count(*) FROM renewed), t.status FROM {_tests} AS t WHERE t.id = @id
            """,
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", _options.ReplicaId);
        command.Parameters.AddWithValue("lease_until", LeaseUntil());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return TestLeaseState.Ended;
        }

        return reader.GetInt64(0) > 0 ? TestLeaseState.Held
            : reader.GetString(1) == "Running" ? TestLeaseState.Lost
            : TestLeaseState.Ended;
    }

    /// <inheritdoc/>
    public async Task ReleaseLeaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"UPDATE {_tests} SET lease_until = LEAST(lease_until, @clock) WHERE id = @id AND status = 'Running' AND owner = @owner",
            connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", _options.ReplicaId);
        command.Parameters.AddWithValue("clock", _time.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
