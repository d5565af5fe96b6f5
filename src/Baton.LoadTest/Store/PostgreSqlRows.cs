using System.Text.Json;
using Baton.LoadTest.Contracts;
using Npgsql;

namespace Baton.LoadTest.Store;

/// <summary>Reads and writes the columns of the PostgreSQL <c>loadtest_tests</c> table.</summary>
internal static class PostgreSqlRows
{
    public const string TestColumns =
        "id, account_id, idempotency_key, definition, status, created_at, started_at, ended_at, elapsed, percent, requests, errors, rps, latency, thresholds, reason";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, _json);

    public static object Time(DateTimeOffset? value) => value is { } time ? time.ToUniversalTime() : DBNull.Value;

    public static void AddFigures(NpgsqlParameterCollection parameters, TestFigures figures)
    {
        parameters.AddWithValue("elapsed", figures.ElapsedSeconds);
        parameters.AddWithValue("percent", figures.PercentComplete);
        parameters.AddWithValue("requests", figures.Requests);
        parameters.AddWithValue("errors", figures.Errors);
        parameters.AddWithValue("rps", figures.RequestsPerSecond);
        parameters.AddWithValue("latency", NpgsqlTypes.NpgsqlDbType.Text, (object?)figures.LatencyHistogram ?? DBNull.Value);
    }

    public static async Task<List<TestRecord>> ReadTestsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var tests = new List<TestRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tests.Add(new TestRecord
            {
                Id = reader.GetGuid(0),
                AccountId = reader.GetString(1),
                IdempotencyKey = reader.IsDBNull(2) ? null : reader.GetString(2),
                Definition = JsonSerializer.Deserialize<TestDefinition>(reader.GetString(3), _json)
                    ?? throw new InvalidDataException("A stored test has an empty definition."),
                Status = Enum.Parse<TestStatus>(reader.GetString(4)),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(5),
                StartedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                EndedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                Figures = new TestFigures(
                    reader.GetDouble(8),
                    reader.GetInt32(9),
                    reader.GetInt64(10),
                    reader.GetInt64(11),
                    reader.GetDouble(12),
                    reader.IsDBNull(13) ? null : reader.GetString(13)),
                ThresholdOutcomes = reader.IsDBNull(14) ? [] : JsonSerializer.Deserialize<List<ThresholdOutcome>>(reader.GetString(14), _json) ?? [],
                Reason = reader.IsDBNull(15) ? null : reader.GetString(15),
            });
        }

        return tests;
    }
}
