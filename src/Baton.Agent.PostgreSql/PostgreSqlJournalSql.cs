namespace Baton.Agent.PostgreSql;

/// <summary>
/// The journal's SQL for one schema. One row per acknowledged, unreported job: who owns it
/// (<c>agent_id</c>) until when (<c>lease_until</c>), and how often it changed hands
/// (<c>adoptions</c>). Times come from the agents' clocks, so replicas' clocks must agree to well
/// within a lease.
/// </summary>
internal sealed class PostgreSqlJournalSql
{
    // Serialises concurrent migrations of replicas starting together (CREATE ... IF NOT EXISTS races otherwise).
    private const long MigrationLockKey = 0x42_61_74_6F_6E_4A_6E_6C; // "BatonJnl"

    /// <summary>The entry columns, in the order <see cref="PostgreSqlJobJournal"/> reads them.</summary>
    public const string Columns = "job_id, third_party, client_id, action_type, incoming_token, step, agent_id, recorded_at";

    public PostgreSqlJournalSql(string schema)
    {
        Schema = schema;
        var table = $"\"{schema}\".baton_agent_journal";
        Migrate = $"""
            SELECT pg_advisory_xact_lock({MigrationLockKey});
            CREATE TABLE IF NOT EXISTS {table} (
                job_id         text        NOT NULL PRIMARY KEY,
                third_party    boolean     NOT NULL,
                client_id      text        NULL,
                action_type    text        NOT NULL,
                incoming_token text        NULL,
                step           integer     NOT NULL,
                agent_id       text        NOT NULL,
                recorded_at    timestamptz NOT NULL,
                lease_until    timestamptz NOT NULL,
                adoptions      integer     NOT NULL DEFAULT 0
            );
            CREATE INDEX IF NOT EXISTS baton_agent_journal_owner ON {table} (agent_id, recorded_at);
            CREATE INDEX IF NOT EXISTS baton_agent_journal_lease ON {table} (lease_until);
            """;
        Record = $"""
            INSERT INTO {table} (job_id, third_party, client_id, action_type, incoming_token, step, agent_id, recorded_at, lease_until, adoptions)
            VALUES (@job, @third_party, @client, @action_type, @token, @step, @agent, @recorded_at, @lease_until, 0)
            ON CONFLICT (job_id) DO UPDATE SET
                third_party = excluded.third_party, client_id = excluded.client_id, action_type = excluded.action_type,
                incoming_token = excluded.incoming_token, step = excluded.step, agent_id = excluded.agent_id,
                recorded_at = excluded.recorded_at, lease_until = excluded.lease_until, adoptions = 0;
            """;
        Complete = $"DELETE FROM {table} WHERE job_id = @job;";

        // Listing to resume claims: a peer must not adopt what the owner is about to re-run.
        ListOwned = $"""
            UPDATE {table} SET lease_until = GREATEST(lease_until, @lease_until)
            WHERE agent_id = @agent
            RETURNING {Columns}, agent_id AS previous_agent, adoptions;
            """;
        Renew = $"""
            UPDATE {table} SET lease_until = GREATEST(lease_until, @lease_until)
            WHERE agent_id = @agent AND job_id = ANY(@jobs)
            RETURNING job_id;
            """;

        // SKIP LOCKED: a row another adopter is taking is passed over; one it already took fails the
        // re-checked lease_until condition. Either way no job is adopted twice.
        Adopt = $"""
            WITH expired AS (
                SELECT job_id, agent_id AS previous_agent FROM {table}
                WHERE lease_until <= @now AND action_type = ANY(@action_types)
                ORDER BY recorded_at, job_id
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            UPDATE {table} AS j SET agent_id = @agent, lease_until = @lease_until, adoptions = j.adoptions + 1
            FROM expired AS e WHERE j.job_id = e.job_id
            RETURNING {Columns.Replace("job_id", "j.job_id", StringComparison.Ordinal)}, e.previous_agent, j.adoptions;
            """;
    }

    public string Schema { get; }

    public string Migrate { get; }

    public string Record { get; }

    public string Complete { get; }

    public string ListOwned { get; }

    public string Renew { get; }

    public string Adopt { get; }
}
