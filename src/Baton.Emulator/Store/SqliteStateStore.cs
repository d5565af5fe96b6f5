using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Baton.Emulator.Store;

/// <summary>
/// Persists the emulator's state in one SQLite file: one row per entity, the entity as JSON.
/// Each save is one transaction, so a crash never leaves half an operation on disk.
/// </summary>
internal sealed class SqliteStateStore : IStateStore
{
    private const int SchemaVersion = 1;

    private static readonly Dictionary<string, Type> _kindTypes = new(StringComparer.Ordinal)
    {
        [EntityKinds.ActionType] = typeof(ActionTypeEntity),
        [EntityKinds.Pipeline] = typeof(PipelineEntity),
        [EntityKinds.Execution] = typeof(ExecutionEntity),
        [EntityKinds.ActionExecution] = typeof(ActionExecutionEntity),
        [EntityKinds.Job] = typeof(JobEntity),
        [EntityKinds.ThirdPartyClient] = typeof(ThirdPartyClientEntity),
        [EntityKinds.Event] = typeof(EventEntity),
    };

    private readonly SqliteConnection _connection;
    private readonly JsonSerializerOptions _json;

    public SqliteStateStore(string path, JsonSerializerOptions json)
    {
        _json = json;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);");
        Execute("CREATE TABLE IF NOT EXISTS entities (kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, id));");
        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT version FROM schema_info LIMIT 1;";
        var version = read.ExecuteScalar();
        if (version is null)
        {
            Execute($"INSERT INTO schema_info (version) VALUES ({SchemaVersion});");
        }
        else if (Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) != SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The state file '{path}' has schema version {version}, but this emulator reads version {SchemaVersion}; use another --data-dir.");
        }
    }

    public IReadOnlyList<IStoredEntity> Load()
    {
        var entities = new List<IStoredEntity>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT kind, body FROM entities ORDER BY kind, id;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var kind = reader.GetString(0);
            if (!_kindTypes.TryGetValue(kind, out var type))
            {
                throw new InvalidOperationException($"The state file holds an unknown entity kind '{kind}'.");
            }

            var entity = (IStoredEntity?)JsonSerializer.Deserialize(reader.GetString(1), type, _json)
                ?? throw new InvalidOperationException($"The state file holds an empty '{kind}' entity.");
            entities.Add(entity);
        }

        return entities;
    }

    public void Save(StateChangeBatch batch)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        using (var upsert = _connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = "INSERT INTO entities (kind, id, body) VALUES ($kind, $id, $body) ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body;";
            var kind = upsert.Parameters.Add("$kind", SqliteType.Text);
            var id = upsert.Parameters.Add("$id", SqliteType.Text);
            var body = upsert.Parameters.Add("$body", SqliteType.Text);
            foreach (var entity in batch.Upserts)
            {
                kind.Value = entity.StoreKind;
                id.Value = entity.StoreId;
                body.Value = JsonSerializer.Serialize(entity, entity.GetType(), _json);
                upsert.ExecuteNonQuery();
            }
        }

        using (var delete = _connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM entities WHERE kind = $kind AND id = $id;";
            var kind = delete.Parameters.Add("$kind", SqliteType.Text);
            var id = delete.Parameters.Add("$id", SqliteType.Text);
            foreach (var entity in batch.Deletes)
            {
                kind.Value = entity.StoreKind;
                id.Value = entity.StoreId;
                delete.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
