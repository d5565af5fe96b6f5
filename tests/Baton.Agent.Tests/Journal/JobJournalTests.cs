using Baton.Agent.Journal;

namespace Baton.Agent.Tests.Journal;

public sealed class JobJournalTests : IAsyncLifetime
{
    private static readonly DateTimeOffset _at = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "baton-journal-" + Guid.NewGuid().ToString("N"), "journal.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        var directory = Path.GetDirectoryName(_path)!;
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task ListUnreported_RecordedAndCompleted_ListsOnlyThisAgentsOpenJobsOldestFirst(string kind)
    {
        await using var owner = await OpenAsync(kind);
        var journal = owner.Journal;
        await journal.RecordAsync(Entry("job-b", "agent-1", _at.AddSeconds(2)), CancellationToken.None);
        await journal.RecordAsync(Entry("job-a", "agent-1", _at.AddSeconds(1)), CancellationToken.None);
        await journal.RecordAsync(Entry("job-c", "agent-1", _at.AddSeconds(3)), CancellationToken.None);
        await journal.RecordAsync(Entry("job-x", "agent-2", _at), CancellationToken.None);

        await journal.CompleteAsync("job-c", CancellationToken.None);
        await journal.CompleteAsync("job-unknown", CancellationToken.None);

        var open = await journal.ListUnreportedAsync("agent-1", CancellationToken.None);
        Assert.Equal(["job-a", "job-b"], open.Select(e => e.JobId));
        Assert.Equal(Entry("job-a", "agent-1", _at.AddSeconds(1)), open[0]);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("memory")]
    public async Task Record_SameJobTwice_KeepsOneEntryWithTheLatestValues(string kind)
    {
        await using var owner = await OpenAsync(kind);
        await owner.Journal.RecordAsync(Entry("job-a", "agent-1", _at), CancellationToken.None);
        await owner.Journal.RecordAsync(Entry("job-a", "agent-1", _at) with { Step = 5 }, CancellationToken.None);

        Assert.Equal(5, Assert.Single(await owner.Journal.ListUnreportedAsync("agent-1", CancellationToken.None)).Step);
    }

    [Fact]
    public async Task SqliteJournal_Reopened_StillHoldsUnreportedJobs()
    {
        var thirdParty = Entry("job-tp", "agent-1", _at) with { IsThirdParty = true, ClientId = "client-1", IncomingToken = null, Step = 1 };
        await using (var journal = await SqliteJobJournal.OpenAsync(_path, CancellationToken.None))
        {
            await journal.RecordAsync(Entry("job-a", "agent-1", _at), CancellationToken.None);
            await journal.RecordAsync(thirdParty, CancellationToken.None);
            await journal.CompleteAsync("job-a", CancellationToken.None);
        }

        await using var reopened = await SqliteJobJournal.OpenAsync(_path, CancellationToken.None);
        Assert.Equal([thirdParty], await reopened.ListUnreportedAsync("agent-1", CancellationToken.None));
    }

    private static JournalEntry Entry(string jobId, string agentId, DateTimeOffset at) => new()
    {
        JobId = jobId,
        IsThirdParty = false,
        ActionType = "Test/Custom/BatonTest/1",
        IncomingToken = "bt1.token",
        Step = 2,
        AgentId = agentId,
        RecordedAt = at,
    };

    private async Task<JournalOwner> OpenAsync(string kind) =>
        kind == "sqlite" ? new JournalOwner(await SqliteJobJournal.OpenAsync(_path, CancellationToken.None)) : new JournalOwner(new InMemoryJobJournal());

    private sealed class JournalOwner(IJobJournal journal) : IAsyncDisposable
    {
        public IJobJournal Journal { get; } = journal;

        public ValueTask DisposeAsync() => Journal is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
