using Baton.LoadTest.Contracts;
using Baton.LoadTest.Store;
using Microsoft.Extensions.Time.Testing;

namespace Baton.LoadTest.Tests.Store;

/// <summary>The PostgreSQL results store against the real server: the store contract, then leases between two replicas.</summary>
public sealed class PostgreSqlTestStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset _start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(_start);
    private PostgreSqlTestDatabase _database = null!;
    private PostgreSqlTestStore _replicaA = null!;
    private PostgreSqlTestStore _replicaB = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        _replicaA = _database.Store(_time, "replica-a");
        _replicaB = _database.Store(_time, "replica-b");
    }

    [Fact]
    public async Task CreateAsync_SameIdempotencyKeyTwice_ReturnsTheFirstTest()
    {
        var (first, created) = await _replicaA.CreateAsync(Record(key: "exec-1"), CancellationToken.None);
        var (second, createdAgain) = await _replicaB.CreateAsync(Record(key: "exec-1"), CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal("shop", first.Definition.Name);
        Assert.Equal(TestStatus.Queued, first.Status);
    }

    [Fact]
    public async Task ListAsync_SeveralTests_NewestFirstForTheAccountOnly()
    {
        var older = (await _replicaA.CreateAsync(Record(createdAt: _start), CancellationToken.None)).Test;
        var newer = (await _replicaA.CreateAsync(Record(createdAt: _start.AddMinutes(1)), CancellationToken.None)).Test;
        await _replicaA.CreateAsync(Record(account: "other"), CancellationToken.None);

        Assert.Equal([newer.Id, older.Id], (await _replicaB.ListAsync("acct", 10, CancellationToken.None)).Select(t => t.Id));
    }

    [Fact]
    public async Task ClaimAppendComplete_OneTest_StoresSecondsFiguresAndTheEnd()
    {
        var test = (await _replicaA.CreateAsync(Record(), CancellationToken.None)).Test;
        var claimed = await _replicaA.ClaimNextQueuedAsync(_start.AddSeconds(1), CancellationToken.None);
        Assert.Equal(TestStatus.Running, claimed!.Status);
        Assert.Equal(_start.AddSeconds(1), claimed.StartedAt);
        Assert.Null(await _replicaB.ClaimNextQueuedAsync(_start, CancellationToken.None));

        await _replicaA.AppendSecondAsync(test.Id, new TestSecondRecord(0, 10, 1, "h0"), new TestFigures(1, 50, 10, 1, 10, "m0"), CancellationToken.None);
        var ended = await _replicaA.CompleteAsync(
            test.Id,
            new TestCompletion(TestStatus.Passed, _start.AddSeconds(3), new TestFigures(2, 100, 20, 1, 10, null), [new ThresholdOutcome("errors<10%", true, "5 %")], null),
            CancellationToken.None);
        var again = await _replicaB.CompleteAsync(test.Id, new TestCompletion(TestStatus.Error, _start, TestFigures.None, [], "late"), CancellationToken.None);

        Assert.Equal([new TestSecondRecord(0, 10, 1, "h0")], await _replicaB.GetSecondsAsync(test.Id, CancellationToken.None));
        Assert.Equal(TestStatus.Passed, ended!.Status);
        Assert.Equal(new TestFigures(2, 100, 20, 1, 10, "m0"), ended.Figures);
        Assert.Equal("errors<10%", Assert.Single(ended.ThresholdOutcomes).Expression);
        Assert.Equal(TestStatus.Passed, again!.Status);
        Assert.Equal(ended.EndedAt, again.EndedAt);
    }

    [Fact]
    public async Task ClaimNextQueuedAsync_OwnerStoppedRenewing_OtherReplicaReRunsTheTest()
    {
        var test = (await _replicaA.CreateAsync(Record(), CancellationToken.None)).Test;
        await _replicaA.ClaimNextQueuedAsync(_start, CancellationToken.None);
        await _replicaA.AppendSecondAsync(test.Id, new TestSecondRecord(0, 10, 0, "h0"), new TestFigures(1, 10, 10, 0, 10, "m0"), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await _replicaB.ClaimNextQueuedAsync(_time.GetUtcNow(), CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));

        var reclaimed = await _replicaB.ClaimNextQueuedAsync(_time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(test.Id, reclaimed!.Id);
        Assert.Equal(TestStatus.Running, reclaimed.Status);
        Assert.Equal(TestFigures.None, reclaimed.Figures);
        Assert.Empty(await _replicaB.GetSecondsAsync(test.Id, CancellationToken.None));

        // The old owner is back from a pause: what it stores now is ignored.
        await _replicaA.AppendSecondAsync(test.Id, new TestSecondRecord(1, 99, 0, "stale"), new TestFigures(2, 20, 99, 0, 10, "stale"), CancellationToken.None);
        var completion = new TestCompletion(TestStatus.Passed, _time.GetUtcNow(), TestFigures.None, [], null);
        Assert.Equal(TestStatus.Running, (await _replicaA.CompleteAsync(test.Id, completion, CancellationToken.None))!.Status);
        Assert.Empty(await _replicaB.GetSecondsAsync(test.Id, CancellationToken.None));
        Assert.Equal(TestFigures.None, (await _replicaB.GetAsync(test.Id, CancellationToken.None))!.Figures);
    }

    [Fact]
    public async Task CompleteAsync_CancelledOnAnotherReplica_EndsTheRunningTest()
    {
        var test = (await _replicaA.CreateAsync(Record(), CancellationToken.None)).Test;
        await _replicaA.ClaimNextQueuedAsync(_start, CancellationToken.None);

        var cancelled = await _replicaB.CompleteAsync(test.Id, new TestCompletion(TestStatus.Cancelled, _start, TestFigures.None, [], "stopped"), CancellationToken.None);

        Assert.Equal(TestStatus.Cancelled, cancelled!.Status);
        Assert.Equal("stopped", cancelled.Reason);
    }

    [Fact]
    public async Task AppendSecondAsync_EverySecond_RenewsTheLease()
    {
        var test = (await _replicaA.CreateAsync(Record(), CancellationToken.None)).Test;
        await _replicaA.ClaimNextQueuedAsync(_start, CancellationToken.None);
        for (var second = 0; second < 4; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(20));
            await _replicaA.AppendSecondAsync(test.Id, new TestSecondRecord(second, 1, 0, "h"), new TestFigures(second + 1, 10, 1, 0, 1, "m"), CancellationToken.None);
            Assert.Null(await _replicaB.ClaimNextQueuedAsync(_time.GetUtcNow(), CancellationToken.None));
        }
    }

    [Fact]
    public async Task EndInterruptedAsync_RestartedReplica_ReleasesItsRunningTestsForAnyReplica()
    {
        var test = (await _replicaA.CreateAsync(Record(), CancellationToken.None)).Test;
        await _replicaA.ClaimNextQueuedAsync(_start, CancellationToken.None);
        await using var restartedA = _database.Store(_time, "replica-a");

        Assert.Empty(await restartedA.EndInterruptedAsync(_time.GetUtcNow(), kept => $"kept {kept}", CancellationToken.None));

        Assert.Equal(test.Id, (await _replicaB.ClaimNextQueuedAsync(_time.GetUtcNow(), CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task ClaimNextQueuedAsync_TwoReplicasRacing_NeverClaimTheSameTest()
    {
        for (var i = 0; i < 20; i++)
        {
            await _replicaA.CreateAsync(Record(createdAt: _start.AddMilliseconds(i)), CancellationToken.None);
        }

        var claims = await Task.WhenAll(ClaimAllAsync(_replicaA), ClaimAllAsync(_replicaB));

        Assert.Equal(20, claims[0].Count + claims[1].Count);
        Assert.Empty(claims[0].Intersect(claims[1]));
    }

    [Fact]
    public async Task SaveClientAsync_SavedTwice_FindsTheLatest()
    {
        await _replicaA.SaveClientAsync(new ConnectedClient("client-1", "token-1", "acct", _start), CancellationToken.None);
        await _replicaA.SaveClientAsync(new ConnectedClient("client-1", "token-2", "acct", _start.AddMinutes(1)), CancellationToken.None);

        Assert.Equal(new ConnectedClient("client-1", "token-2", "acct", _start.AddMinutes(1)), await _replicaB.FindClientAsync("client-1", CancellationToken.None));
        Assert.Null(await _replicaB.FindClientAsync("nobody", CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _replicaA.DisposeAsync();
        await _replicaB.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static async Task<List<Guid>> ClaimAllAsync(PostgreSqlTestStore store)
    {
        await Task.Yield();
        var claimed = new List<Guid>();
        while (await store.ClaimNextQueuedAsync(_start, CancellationToken.None) is { } test)
        {
            claimed.Add(test.Id);
        }

        return claimed;
    }

    private static TestRecord Record(string account = "acct", string? key = null, DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        AccountId = account,
        IdempotencyKey = key,
        Definition = new TestDefinition { Name = "shop", Targets = ["http://127.0.0.1:5000/"], Rate = 10, Duration = TimeSpan.FromSeconds(30) },
        Status = TestStatus.Queued,
        CreatedAt = createdAt ?? _start,
    };
}
