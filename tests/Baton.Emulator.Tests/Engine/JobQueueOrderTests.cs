using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Engine;

/// <summary>
/// The order in which PollForJobs hands out queued jobs (oldest visible first) across many
/// executions, continuations and redeliveries, and that each job is handed out once per dispatch.
/// </summary>
public sealed class JobQueueOrderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(
            o =>
            {
                o.AckTimeout = TimeSpan.FromSeconds(30);
                o.JobTimeout = TimeSpan.FromMinutes(10);
                o.ContinuationDelay = TimeSpan.FromSeconds(5);
            },
            _time);
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip");
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = Pipelines.SourceThenAction("shop", Pipelines.LoadTestType(), ExecutionMode.Parallel),
        });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task PollForJobs_ExecutionsStartedOverTime_HandsOutOldestFirstInBatchesEachOnce()
    {
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await StartAsync());
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var handedOut = new List<string>();
        foreach (var expected in new[] { 2, 2, 1, 0 })
        {
            var jobs = await PollAsync(maxBatchSize: 2);
            Assert.Equal(expected, jobs.Count);
            handedOut.AddRange(jobs.Select(j => j.Data!.PipelineContext!.PipelineExecutionId!));
        }

        Assert.Equal(started, handedOut);
        Assert.Equal(5, (await _emulator.Engine.CountJobsByStatusAsync())["Dispatched"]);
    }

    [Fact]
    public async Task PollForJobs_RedeliveryAndContinuation_ComeBackInTheOrderTheyBecameVisible()
    {
        var first = await StartAsync();
        var firstJob = Assert.Single(await PollAsync(maxBatchSize: 1));
        _time.Advance(TimeSpan.FromSeconds(10));
        var second = await StartAsync();
        var secondJob = Assert.Single(await PollAsync(maxBatchSize: 1));
        await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = secondJob.Id!, Nonce = secondJob.Nonce! });
        await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = secondJob.Id!, ContinuationToken = "next" });
        var third = await StartAsync();

        // 25 s later the first job's dispatch has expired (visible since 0 s), the continuation of
        // the second is visible since 15 s and the third's job since 10 s.
        _time.Advance(TimeSpan.FromSeconds(25));
        var jobs = await PollAsync(maxBatchSize: 10);

        Assert.Equal([first, third, second], jobs.Select(j => j.Data!.PipelineContext!.PipelineExecutionId!));
        Assert.Equal(firstJob.Id, jobs[0].Id);
        Assert.NotEqual(firstJob.Nonce, jobs[0].Nonce);
        Assert.Equal("next", jobs[2].Data!.ContinuationToken);
        Assert.Empty(await PollAsync(maxBatchSize: 10));
    }

    private async Task<string> StartAsync()
    {
        var response = await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" });
        return response.PipelineExecutionId!;
    }

    private async Task<IReadOnlyList<Job>> PollAsync(int maxBatchSize)
    {
        var response = await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType(), MaxBatchSize = maxBatchSize });
        return response.Jobs!;
    }
}
