namespace Baton.LoadTest.Store;

/// <summary>The connected clients of the sign-up page.</summary>
public sealed partial class SqliteTestStore
{
    /// <inheritdoc/>
    public async Task<ConnectedClient> SaveClientAsync(ConnectedClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await _database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO clients (client_id, client_token, account_id, connected_at) VALUES ($id, $token, $account, $at)
                ON CONFLICT (client_id) DO UPDATE SET client_token = excluded.client_token, connected_at = excluded.connected_at
                WHERE clients.account_id = excluded.account_id
                """;
            command.Parameters.AddWithValue("$id", client.ClientId);
            command.Parameters.AddWithValue("$token", client.ClientToken);
            command.Parameters.AddWithValue("$account", client.AccountId);
            command.Parameters.AddWithValue("$at", SqliteRows.Time(client.ConnectedAt));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return await FindClientAsync(client.ClientId, cancellationToken).ConfigureAwait(false) ?? client;
    }

    /// <inheritdoc/>
    public async Task<ConnectedClient?> FindClientAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT client_id, client_token, account_id, connected_at FROM clients WHERE client_id = $id";
        command.Parameters.AddWithValue("$id", clientId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ConnectedClient(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind))
            : null;
    }
}
