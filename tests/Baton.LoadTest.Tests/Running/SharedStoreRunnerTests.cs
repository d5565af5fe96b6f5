using Baton.LoadTest.Contracts;
using Baton.LoadTest.Running;
using Baton.LoadTest.Tests.Infrastructure;
using Baton.LoadTest.Tests.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Baton.LoadTest.Tests.Running;

/// <summary>
/// Two service replicas over real HTTP sharing one PostgreSQL schema, with a 2 s lease checked every
/// 200 ms. Every wait is on a replica's change feed (bounded at 60 s), never on a timer.
/// </summary>
public sealed class SharedStoreRunnerTests : IAsyncLifetime
{
    private readonly List<TestService> _replicas = [];
    private PostgreSqlTestDatabase _database = null!;
    private TargetApp _target = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        _target = await TargetApp.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await _target.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RunningTest_OwnerDiesWithoutStopping_OtherReplicaAdoptsAndFinishesIt()
    {
        var a = await StartReplicaAsync("replica-a");
        var created = await a.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 5, Duration = "4s", Thresholds = "errors<1%" });
        var onA = await a.WaitForAsync(created.Id, v => v.Status == TestStatus.Running && v.Figures.Requests > 0);
        var b = await StartReplicaAsync("replica-b");

        // A dies: its host is disposed without StopAsync, so nothing stops gracefully.
        _replicas.Remove(a);
        a.Http.Dispose();
        await a.App.DisposeAsync();
        var done = await b.WaitForEndAsync(created.Id);

        Assert.Equal(TestStatus.Passed, done.Status);
        Assert.Equal(100, done.PercentComplete);
        Assert.True(done.StartedAt > onA.StartedAt, "B re-runs the test from the start, so it records a later start.");
        var seconds = await b.Store.GetSecondsAsync(Guid.Parse(created.Id), CancellationToken.None);
        Assert.Equal(0, seconds[0].Second);
        Assert.Equal(Enumerable.Range(0, seconds.Count), seconds.Select(s => s.Second));
    }

    [Fact]
    public async Task RunningTest_OwnerStopsGracefully_HandedBackAndFinishedByAnotherReplica()
    {
        var a = await StartReplicaAsync("replica-a");
        var created = await a.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 5, Duration = "3s" });
        var onA = await a.WaitForAsync(created.Id, v => v.Status == TestStatus.Running && v.Figures.Requests > 0);

        await a.App.StopAsync();

        // Handed back, not ended: still Running, its lease already over.
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand($"SELECT status, lease_until <= now() FROM \"{_database.Schema}\".loadtest_tests WHERE id = @id", connection);
            query.Parameters.AddWithValue("id", Guid.Parse(created.Id));
            await using var reader = await query.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("Running", reader.GetString(0));
            Assert.True(reader.GetBoolean(1), "A graceful stop ends the lease at once.");
        }

        var b = await StartReplicaAsync("replica-b");
        var done = await b.WaitForEndAsync(created.Id);

        Assert.Equal(TestStatus.Passed, done.Status);
        Assert.True(done.StartedAt > onA.StartedAt);
    }

    [Fact]
    public async Task RunningTest_CancelledOnAnotherReplica_OwnerStopsTheLoad()
    {
        var a = await StartReplicaAsync("replica-a");
        var created = await a.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 5, Duration = "5m" });
        var onA = await a.WaitForAsync(created.Id, v => v.Status == TestStatus.Running && v.Figures.Requests > 0);
        var runningOnA = a.App.Services.GetRequiredService<RunningTests>();
        Assert.True(runningOnA.IsRunning(Guid.Parse(created.Id)));
        var b = await StartReplicaAsync("replica-b");

        var cancelled = await b.Client.CancelTestAsync(b.Url, TestService.Alpha.ApiKey, created.Id, CancellationToken.None);

        Assert.Equal(TestStatus.Cancelled, cancelled.Status);
        await WaitOnFeedAsync(a, () => !runningOnA.IsRunning(Guid.Parse(created.Id)));
        var stored = await a.Store.GetAsync(Guid.Parse(created.Id), CancellationToken.None);
        Assert.Equal(TestStatus.Cancelled, stored!.Status);
        Assert.Equal("Cancelled by the account.", stored.Reason);
        Assert.Equal(onA.StartedAt, stored.StartedAt);
        Assert.False(b.App.Services.GetRequiredService<RunningTests>().IsRunning(Guid.Parse(created.Id)));
    }

    [Fact]
    public async Task RunningTest_ClaimedByAnotherReplicaAfterItsLeaseExpired_OwnerStopsAndRecordsNothing()
    {
        var a = await StartReplicaAsync("replica-a");
        var created = await a.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 5, Duration = "5m" });
        await a.WaitForAsync(created.Id, v => v.Status == TestStatus.Running && v.Figures.Requests > 0);
        var runningOnA = a.App.Services.GetRequiredService<RunningTests>();

        // A replica whose clock is an hour ahead sees A's lease as expired and claims the test.
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1));
        await using var thief = _database.Store(later, "replica-c");
        var claimed = await thief.ClaimNextQueuedAsync(later.GetUtcNow(), CancellationToken.None);
        Assert.Equal(created.Id, claimed!.Id.ToString());

        await WaitOnFeedAsync(a, () => !runningOnA.IsRunning(Guid.Parse(created.Id)));
        var stored = await thief.GetAsync(Guid.Parse(created.Id), CancellationToken.None);
        Assert.Equal(TestStatus.Running, stored!.Status);
        Assert.Equal(claimed.StartedAt, stored.StartedAt);
        Assert.Empty(await thief.GetSecondsAsync(stored.Id, CancellationToken.None));
    }

    private static async Task WaitOnFeedAsync(TestService replica, Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var next = replica.Feed.NextChange;
            if (done())
            {
                return;
            }

            await next.WaitAsync(timeout.Token);
        }
    }

    private async Task<TestService> StartReplicaAsync(string replicaId)
    {
        var replica = await TestService.StartAsync(o => o with
        {
            PostgreSqlConnectionString = _database.ConnectionString,
            PostgreSqlSchema = _database.Schema,
            ReplicaId = replicaId,
            LeaseDuration = TimeSpan.FromSeconds(2),
            LeaseCheckInterval = TimeSpan.FromMilliseconds(200),
        });
        _replicas.Add(replica);
        return replica;
    }
}
