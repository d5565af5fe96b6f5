using Baton.Agent.PostgreSql.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.PostgreSql.Tests.Journal;

/// <summary>Leases: renewal, expiry and adoption, on a fake clock shared by two agents' journals.</summary>
public sealed class PostgreSqlJobJournalLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan _lease = TimeSpan.FromSeconds(30);
    private static readonly string[] _types = [Entries.ActionType];
    private readonly FakeTimeProvider _time = new(Entries.Start);
    private TestDatabase _database = null!;
    private PostgreSqlJobJournal _agentA = null!;
    private PostgreSqlJobJournal _agentB = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _agentA = _database.Journal(_time, _lease);
        _agentB = _database.Journal(_time, _lease);
    }

    [Fact]
    public async Task AdoptExpiredAsync_LeaseStillRunning_AdoptsNothing()
    {
        await _agentA.RecordAsync(Entries.Entry("agent-a", _time.GetUtcNow()), CancellationToken.None);
        _time.Advance(_lease - TimeSpan.FromSeconds(1));

        Assert.Empty(await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AdoptExpiredAsync_LeaseExpired_TakesOverWithAdoptionCount()
    {
        var entry = Entries.Entry("agent-a", _time.GetUtcNow());
        await _agentA.RecordAsync(entry, CancellationToken.None);
        _time.Advance(_lease);

        var adoption = Assert.Single(await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));

        Assert.Equal(entry with { AgentId = "agent-b" }, adoption.Entry);
        Assert.Equal("agent-a", adoption.PreviousAgentId);
        Assert.Equal(1, adoption.Adoptions);
        Assert.Empty(await _agentA.ListUnreportedAsync("agent-a", CancellationToken.None));
        Assert.Empty(await _agentA.AdoptExpiredAsync("agent-a", _types, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AdoptExpiredAsync_AdoptedTwice_CountsBothAdoptions()
    {
        await _agentA.RecordAsync(Entries.Entry("agent-a", _time.GetUtcNow()), CancellationToken.None);
        _time.Advance(_lease);
        await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None);
        _time.Advance(_lease);

        var adoption = Assert.Single(await _agentA.AdoptExpiredAsync("agent-c", _types, 10, CancellationToken.None));

        Assert.Equal("agent-b", adoption.PreviousAgentId);
        Assert.Equal(2, adoption.Adoptions);
    }

    [Fact]
    public async Task RenewLeasesAsync_BeforeExpiry_KeepsTheJobFromPeers()
    {
        var entry = Entries.Entry("agent-a", _time.GetUtcNow());
        await _agentA.RecordAsync(entry, CancellationToken.None);
        _time.Advance(_lease - TimeSpan.FromSeconds(5));

        Assert.Empty(await _agentA.RenewLeasesAsync("agent-a", [entry.JobId], CancellationToken.None));
        _time.Advance(_lease - TimeSpan.FromSeconds(5));

        Assert.Empty(await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));
    }

    [Fact]
    public async Task RenewLeasesAsync_JobAdoptedOrCompleted_ReturnsItAsLost()
    {
        var adopted = Entries.Entry("agent-a", _time.GetUtcNow(), "adopted");
        var completed = Entries.Entry("agent-a", _time.GetUtcNow(), "completed");
        var kept = Entries.Entry("agent-a", _time.GetUtcNow().AddSeconds(1), "kept");
        await _agentA.RecordAsync(adopted, CancellationToken.None);
        await _agentA.RecordAsync(completed, CancellationToken.None);
        _time.Advance(_lease);
        await _agentA.RecordAsync(kept, CancellationToken.None);
        await _agentA.CompleteAsync(completed.JobId, CancellationToken.None);
        Assert.Single(await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));

        var lost = await _agentA.RenewLeasesAsync("agent-a", ["adopted", "completed", "kept"], CancellationToken.None);

        Assert.Equal(["adopted", "completed"], lost);
    }

    [Fact]
    public async Task ListUnreportedAsync_ExpiredOwnEntries_RenewsThemSoPeersCannotAdopt()
    {
        await _agentA.RecordAsync(Entries.Entry("agent-a", _time.GetUtcNow()), CancellationToken.None);
        _time.Advance(_lease * 2);

        Assert.Single(await _agentA.ListUnreportedAsync("agent-a", CancellationToken.None));

        Assert.Empty(await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));
    }

    [Fact]
    public async Task AdoptExpiredAsync_OtherActionTypesAndBatchLimit_AdoptsOnlyHandledOldestFirst()
    {
        await _agentA.RecordAsync(Entries.Entry("agent-a", Entries.Start.AddSeconds(3), "third"), CancellationToken.None);
        await _agentA.RecordAsync(Entries.Entry("agent-a", Entries.Start.AddSeconds(1), "first"), CancellationToken.None);
        await _agentA.RecordAsync(Entries.Entry("agent-a", Entries.Start.AddSeconds(2), "second"), CancellationToken.None);
        await _agentA.RecordAsync(Entries.Entry("agent-a", Entries.Start, "unhandled", "Build/Custom/Other/1"), CancellationToken.None);
        _time.Advance(_lease);

        var adopted = await _agentB.AdoptExpiredAsync("agent-b", _types, 2, CancellationToken.None);

        Assert.Equal(["first", "second"], adopted.Select(a => a.Entry.JobId));
        Assert.Equal(["third"], (await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None)).Select(a => a.Entry.JobId));
        Assert.Empty(await _agentB.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _agentA.DisposeAsync();
        await _agentB.DisposeAsync();
        await _database.DisposeAsync();
    }
}
