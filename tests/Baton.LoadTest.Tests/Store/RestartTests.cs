using Baton.LoadTest.Contracts;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Store;
using Baton.LoadTest.Tests.Infrastructure;

namespace Baton.LoadTest.Tests.Store;

public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "baton-loadtest-" + Guid.NewGuid().ToString("N"));
    private TargetApp _target = null!;

    public async Task InitializeAsync() => _target = await TargetApp.StartAsync();

    public async Task DisposeAsync()
    {
        await _target.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Start_TestLeftRunningByACrash_EndsErrorKeepingItsSeconds()
    {
        // What a crash mid-test leaves behind: a Running test with the seconds stored so far.
        var id = Guid.NewGuid();
        using (var store = SqliteTestStore.OpenFile(_dataDirectory))
        {
            await store.CreateAsync(Record(id), CancellationToken.None);
            await store.ClaimNextQueuedAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
            for (var second = 0; second < 3; second++)
            {
                await store.AppendSecondAsync(
                    id,
                    new TestSecondRecord(second, 10, 0, HistogramSnapshot.Empty.Base64),
                    new TestFigures(second + 1, 10 * (second + 1), 10 * (second + 1), 0, 10, HistogramSnapshot.Empty.Base64),
                    CancellationToken.None);
            }
        }

        await using var service = await TestService.StartAsync(o => o with { InMemory = false, DataDirectory = _dataDirectory });
        var test = await service.WaitForAsync(id.ToString(), t => t.Status != TestStatus.Running);

        Assert.Equal(TestStatus.Error, test.Status);
        Assert.Equal("The service restarted during the test; 3 seconds of results kept. Run the test again for a verdict.", test.Reason);
        Assert.Equal(30, test.Figures.Requests);
        Assert.Equal(3, (await service.Store.GetSecondsAsync(id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Stop_ServiceMidTest_TestEndsErrorAndStaysSoAfterRestart()
    {
        string id;
        await using (var service = await TestService.StartAsync(o => o with { InMemory = false, DataDirectory = _dataDirectory }))
        {
            id = (await service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 5, Duration = "60s" })).Id;
            await service.WaitForAsync(id, t => t.Status == TestStatus.Running && t.Figures.ElapsedSeconds >= 1);
        }

        await using var restarted = await TestService.StartAsync(o => o with { InMemory = false, DataDirectory = _dataDirectory });
        var test = await restarted.Client.GetTestAsync(restarted.Url, TestService.Alpha.ApiKey, id, CancellationToken.None);

        Assert.Equal(TestStatus.Error, test.Status);
        Assert.StartsWith("The service stopped during the test;", test.Reason, StringComparison.Ordinal);
        Assert.True(test.Figures.Requests > 0);
    }

    [Fact]
    public async Task Start_QueuedTestFromEarlierProcess_RunsToTheEnd()
    {
        var id = Guid.NewGuid();
        using (var store = SqliteTestStore.OpenFile(_dataDirectory))
        {
            await store.CreateAsync(Record(id) with { Definition = Record(id).Definition with { Targets = [_target.At("/ok")] } }, CancellationToken.None);
        }

        await using var service = await TestService.StartAsync(o => o with { InMemory = false, DataDirectory = _dataDirectory });
        var test = await service.WaitForEndAsync(id.ToString());

        Assert.Equal(TestStatus.Passed, test.Status);
    }

    private static TestRecord Record(Guid id) => new()
    {
        Id = id,
        AccountId = TestService.Alpha.Id,
        Definition = new TestDefinition { Name = "crash", Targets = ["http://127.0.0.1:9/"], Rate = 5, Duration = TimeSpan.FromSeconds(1) },
        Status = TestStatus.Queued,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
