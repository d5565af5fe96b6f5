using Baton.Agent.Journal;
using Baton.Agent.PostgreSql.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.PostgreSql.Tests.Journal;

/// <summary>The <see cref="IJobJournal"/> contract, against the real PostgreSQL.</summary>
public sealed class PostgreSqlJobJournalContractTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(Entries.Start);
    private TestDatabase _database = null!;
    private PostgreSqlJobJournal _journal = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _journal = _database.Journal(_time);
    }

    [Fact]
    public async Task RecordAsync_EveryField_ListedBackUnchanged()
    {
        var entry = new JournalEntry
        {
            JobId = "job-1",
            IsThirdParty = true,
            ClientId = "client-7",
            ActionType = "Test/ThirdParty/BatonLoadTest/1",
            IncomingToken = "sealed-token",
            Step = 4,
            AgentId = "agent-a",
            RecordedAt = Entries.Start.AddMilliseconds(123),
        };

        await _journal.RecordAsync(entry, CancellationToken.None);

        Assert.Equal(entry, Assert.Single(await _journal.ListUnreportedAsync("agent-a", CancellationToken.None)));
    }

    [Fact]
    public async Task ListUnreportedAsync_SeveralAgents_OnlyTheAgentsOwnOldestFirst()
    {
        var late = Entries.Entry("agent-a", Entries.Start.AddMinutes(2), "late");
        var early = Entries.Entry("agent-a", Entries.Start.AddMinutes(1), "early");
        await _journal.RecordAsync(late, CancellationToken.None);
        await _journal.RecordAsync(early, CancellationToken.None);
        await _journal.RecordAsync(Entries.Entry("agent-b", Entries.Start, "other"), CancellationToken.None);

        var listed = await _journal.ListUnreportedAsync("agent-a", CancellationToken.None);

        Assert.Equal(["early", "late"], listed.Select(e => e.JobId));
        Assert.Empty(await _journal.ListUnreportedAsync("agent-c", CancellationToken.None));
    }

    [Fact]
    public async Task CompleteAsync_RecordedJob_NoLongerListed()
    {
        var entry = Entries.Entry("agent-a", Entries.Start);
        await _journal.RecordAsync(entry, CancellationToken.None);

        await _journal.CompleteAsync(entry.JobId, CancellationToken.None);
        await _journal.CompleteAsync("never-recorded", CancellationToken.None);

        Assert.Empty(await _journal.ListUnreportedAsync("agent-a", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_SameJobTwice_ReplacesTheEntry()
    {
        var first = Entries.Entry("agent-a", Entries.Start, "job-1");
        await _journal.RecordAsync(first, CancellationToken.None);

        var second = first with { Step = 2, IncomingToken = "t2", AgentId = "agent-b" };
        await _journal.RecordAsync(second, CancellationToken.None);

        Assert.Empty(await _journal.ListUnreportedAsync("agent-a", CancellationToken.None));
        Assert.Equal(second, Assert.Single(await _journal.ListUnreportedAsync("agent-b", CancellationToken.None)));
    }

    [Fact]
    public async Task MigrateAsync_SeveralJournalsAtOnce_CreateOneTable()
    {
        var journals = Enumerable.Range(0, 4).Select(_ => _database.Journal(_time)).ToList();
        try
        {
            await Task.WhenAll(journals.Select(j => j.MigrateAsync(CancellationToken.None)));
            await journals[0].RecordAsync(Entries.Entry("agent-a", Entries.Start, "job-1"), CancellationToken.None);

            Assert.Single(await journals[3].ListUnreportedAsync("agent-a", CancellationToken.None));
            Assert.Equal(1L, await _database.ScalarAsync<long>(
                $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{_database.Schema}' AND table_name = 'baton_agent_journal'"));
        }
        finally
        {
            foreach (var journal in journals)
            {
                await journal.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task RecordAsync_ServerUnreachable_ThrowsInsteadOfLosingTheJob()
    {
        var options = _database.Options();
        options.ConnectionString = "Host=127.0.0.1;Port=9;Username=baton;Password=baton;Database=baton_test;Timeout=2";
        await using var unreachable = new PostgreSqlJobJournal(options, _time);

        await Assert.ThrowsAsync<Npgsql.NpgsqlException>(
            async () => await unreachable.RecordAsync(Entries.Entry("agent-a", Entries.Start), CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _journal.DisposeAsync();
        await _database.DisposeAsync();
    }
}
