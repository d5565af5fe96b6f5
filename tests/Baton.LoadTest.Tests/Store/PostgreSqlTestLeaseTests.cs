using Baton.LoadTest.Contracts;
using Baton.LoadTest.Store;
using Microsoft.Extensions.Time.Testing;

namespace Baton.LoadTest.Tests.Store;

/// <summary>The runner's side of the PostgreSQL leases (renew, hand back) and the guarded client binding, against the real server.</summary>
public sealed class PostgreSqlTestLeaseTests : IAsyncLifetime
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

    public async Task DisposeAsync()
    {
        await _replicaA.DisposeAsync();
        await _replicaB.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RenewLeaseAsync_OwnerRenewsBeforeExpiry_KeepsTheTestFromOtherReplicas()
    {
        var id = await ClaimedByAAsync();
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(20));
            Assert.Equal(TestLeaseState.Held, await _replicaA.RenewLeaseAsync(id, CancellationToken.None));
            Assert.Null(await _replicaB.ClaimNextQueuedAsync(_time.GetUtcNow(), CancellationToken.None));
        }
    }

    [Fact]
    public async Task RenewLeaseAsync_CancelledOnAnotherReplica_Ended()
    {
        var id = await ClaimedByAAsync();
        await _replicaB.CompleteAsync(id, new TestCompletion(TestStatus.Cancelled, _start, TestFigures.None, [], "Cancelled by the account."), CancellationToken.None);

        Assert.Equal(TestLeaseState.Ended, await _replicaA.RenewLeaseAsync(id, CancellationToken.None));
        Assert.Equal(TestLeaseState.Ended, await _replicaA.RenewLeaseAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task RenewLeaseAsync_ClaimedByAnotherReplicaAfterExpiry_Lost()
    {
        var id = await ClaimedByAAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(id, (await _replicaB.ClaimNextQueuedAsync(_time.GetUtcNow(), CancellationToken.None))!.Id);

        Assert.Equal(TestLeaseState.Lost, await _replicaA.RenewLeaseAsync(id, CancellationToken.None));
        Assert.Equal(TestLeaseState.Held, await _replicaB.RenewLeaseAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseLeaseAsync_Owner_AnotherReplicaClaimsAtOnce()
    {
        var id = await ClaimedByAAsync();
        await _replicaB.ReleaseLeaseAsync(id, CancellationToken.None);
        Assert.Null(await _replicaB.ClaimNextQueuedAsync(_time.GetUtcNow(), CancellationToken.None));

        await _replicaA.ReleaseLeaseAsync(id, CancellationToken.None);

        Assert.Equal(id, (await _replicaB.ClaimNextQueuedAsync(_time.GetUtcNow(), CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task SaveClientAsync_ClientIdOfAnotherAccount_KeepsTheFirstAccountsConnection()
    {
        var first = new ConnectedClient("client-1", "token-1", "acct-a", _start);
        await _replicaA.SaveClientAsync(first, CancellationToken.None);

        var stored = await _replicaB.SaveClientAsync(new ConnectedClient("client-1", "made-up", "acct-b", _start.AddMinutes(1)), CancellationToken.None);

        Assert.Equal(first, stored);
        Assert.Equal(first, await _replicaA.FindClientAsync("client-1", CancellationToken.None));
    }

    private async Task<Guid> ClaimedByAAsync()
    {
        var record = new TestRecord
        {
            Id = Guid.NewGuid(),
            AccountId = "acct",
            Definition = new TestDefinition { Name = "shop", Targets = ["http://127.0.0.1:5000/"], Rate = 1, Duration = TimeSpan.FromSeconds(5) },
            Status = TestStatus.Queued,
            CreatedAt = _start,
        };
        await _replicaA.CreateAsync(record, CancellationToken.None);
        Assert.Equal(record.Id, (await _replicaA.ClaimNextQueuedAsync(_start, CancellationToken.None))!.Id);
        return record.Id;
    }
}
