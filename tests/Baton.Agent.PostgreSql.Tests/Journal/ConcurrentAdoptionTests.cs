using Baton.Agent.PostgreSql.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.PostgreSql.Tests.Journal;

/// <summary>Two journals (two agents, separate connection pools) adopting the same expired jobs at once.</summary>
public sealed class ConcurrentAdoptionTests : IAsyncLifetime
{
    private const int Jobs = 60;
    private static readonly TimeSpan _lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(Entries.Start);
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    [Fact]
    public async Task AdoptExpiredAsync_TwoAgentsRacing_NeverAdoptTheSameJob()
    {
        await using var owner = _database.Journal(_time, _lease);
        await using var left = _database.Journal(_time, _lease);
        await using var right = _database.Journal(_time, _lease);
        for (var i = 0; i < Jobs; i++)
        {
            await owner.RecordAsync(Entries.Entry("dead-agent", Entries.Start.AddMilliseconds(i), $"job-{i:D3}"), CancellationToken.None);
        }

        _time.Advance(_lease);
        using var go = new ManualResetEventSlim();
        var leftTask = Task.Run(() => AdoptAllAsync(left, "agent-left", go));
        var rightTask = Task.Run(() => AdoptAllAsync(right, "agent-right", go));
        go.Set();
        var adoptedLeft = await leftTask;
        var adoptedRight = await rightTask;

        Assert.Empty(adoptedLeft.Intersect(adoptedRight));
        Assert.Equal(Jobs, adoptedLeft.Count + adoptedRight.Count);
        Assert.Equal(Jobs, (await left.ListUnreportedAsync("agent-left", CancellationToken.None)).Count
            + (await right.ListUnreportedAsync("agent-right", CancellationToken.None)).Count);
        Assert.Equal(Jobs, await _database.ScalarAsync<long>("SELECT count(*) FROM {table} WHERE adoptions = 1"));
    }

    // Small batches, so both agents take turns on the same rows many times.
    private static async Task<List<string>> AdoptAllAsync(PostgreSqlJobJournal journal, string agentId, ManualResetEventSlim go)
    {
        go.Wait();
        var adopted = new List<string>();
        while (true)
        {
            var batch = await journal.AdoptExpiredAsync(agentId, [Entries.ActionType], 3, CancellationToken.None);
            if (batch.Count == 0)
            {
                return adopted;
            }

            adopted.AddRange(batch.Select(a => a.Entry.JobId));
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
