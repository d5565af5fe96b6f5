namespace Baton.LoadTest.Store;

/// <summary>The PostgreSQL store's tables, created idempotently under an advisory lock so replicas starting together do not race.</summary>
internal static class PostgreSqlTestStoreSchema
{
    private const long MigrationLockKey = 0x42_61_74_6F_6E_4C_54_53; // "BatonLTS"

    public static string Migrate(string schema) => $"""
        SELECT pg_advisory_xact_lock({MigrationLockKey});
        {(schema == "public" ? string.Empty : $"CREATE SCHEMA IF NOT EXISTS \"{schema}\";")}
        CREATE TABLE IF NOT EXISTS "{schema}".loadtest_tests (
            seq             bigint GENERATED ALWAYS AS IDENTITY,
            id              uuid PRIMARY KEY,
            account_id      text NOT NULL,
            idempotency_key text,
            definition      text NOT NULL,
            status          text NOT NULL,
            created_at      timestamptz NOT NULL,
            started_at      timestamptz,
            ended_at        timestamptz,
            elapsed         double precision NOT NULL DEFAULT 0,
            percent         integer NOT NULL DEFAULT 0,
            requests        bigint NOT NULL DEFAULT 0,
            errors          bigint NOT NULL DEFAULT 0,
            rps             double precision NOT NULL DEFAULT 0,
            latency         text,
            thresholds      text,
            reason          text,
            owner           text,
            lease_until     timestamptz);
        CREATE UNIQUE INDEX IF NOT EXISTS loadtest_tests_idempotency ON "{schema}".loadtest_tests (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS loadtest_tests_status ON "{schema}".loadtest_tests (status, created_at);
        CREATE INDEX IF NOT EXISTS loadtest_tests_account ON "{schema}".loadtest_tests (account_id, created_at);
        CREATE TABLE IF NOT EXISTS "{schema}".loadtest_seconds (
            test_id  uuid NOT NULL,
            second   integer NOT NULL,
            requests bigint NOT NULL,
            errors   bigint NOT NULL,
            latency  text NOT NULL,
            PRIMARY KEY (test_id, second));
        CREATE TABLE IF NOT EXISTS "{schema}".loadtest_clients (
            client_id    text PRIMARY KEY,
            client_token text NOT NULL,
            account_id   text NOT NULL,
            connected_at timestamptz NOT NULL);
        """;
}
