using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Engine;

public sealed class JobTimerTests : IAsyncLifetime
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
                o.ActionTimeout = TimeSpan.FromHours(1);
                o.ContinuationDelay = TimeSpan.FromSeconds(15);
            },
            _time);
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip");
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("shop", Pipelines.LoadTestType()) });
        await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task PollForJobs_NotAcknowledgedWithinAckTimeout_RedeliversWithNewNonceAndOldNonceIsInvalid()
    {
        var first = await PollAsync();
        Assert.NotNull(first);
        Assert.Null(await PollAsync());

        _time.Advance(TimeSpan.FromSeconds(31));
        await _emulator.Engine.TickAsync();
        var again = await PollAsync();

        Assert.NotNull(again);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Nonce, again.Nonce);
        var error = await Assert.ThrowsAsync<InvalidNonceException>(() =>
            _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = first.Id!, Nonce = first.Nonce! }));
        Assert.Contains("another job worker has already claimed the job", error.Message, StringComparison.Ordinal);
        var ack = await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = again.Id!, Nonce = again.Nonce! });
        Assert.Equal("InProgress", ack.Status);
    }

    [Fact]
    public async Task AcknowledgeJob_AfterAckTimeoutBeforeRedelivery_ThrowsInvalidNonceSayingPollAgain()
    {
        var job = (await PollAsync())!;

        _time.Advance(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<InvalidNonceException>(() =>
            _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! }));

        Assert.Contains("was not acknowledged within 30s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcknowledgeJob_Twice_SecondReturnsInProgress()
    {
        var job = (await PollAsync())!;
        await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });

        var again = await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });

        Assert.Equal("InProgress", again.Status);
    }

    [Fact]
    public async Task Job_NoResultWithinJobTimeout_TimesOutAndFailsTheAction()
    {
        var job = (await PollAsync())!;
        await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });

        _time.Advance(TimeSpan.FromMinutes(10));
        await _emulator.Engine.TickAsync();

        var action = await ActionStateAsync();
        Assert.Equal("Failed", action.LatestExecution!.Status);
        Assert.Contains($"Job {job.Id} timed out: no result within the job timeout of 10m", action.LatestExecution.ErrorDetails!.Message, StringComparison.Ordinal);
        Assert.Equal("TimedOut", (await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! })).Status);
        await Assert.ThrowsAsync<InvalidJobStateException>(() => _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id! }));
        var jobs = await _emulator.Engine.CountJobsByStatusAsync();
        Assert.Equal(1, jobs["TimedOut"]);
    }

    [Fact]
    public async Task ActionExecution_ContinuingBeyondActionTimeout_FailsTheAction()
    {
        Job? job = null;
        for (var step = 0; step < 7; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            job = await PollAsync();
            Assert.NotNull(job);
            await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });
            _time.Advance(TimeSpan.FromMinutes(step < 6 ? 9 : 5));
            if (step < 6)
            {
                await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id!, ContinuationToken = "again" });
            }
        }

        await _emulator.Engine.TickAsync();

        var action = await ActionStateAsync();
        Assert.Equal("Failed", action.LatestExecution!.Status);
        Assert.Contains("no final result within the action timeout of 1h", action.LatestExecution.ErrorDetails!.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidJobStateException>(() =>
            _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job!.Id!, ContinuationToken = "again" }));
    }

    [Fact]
    public async Task ContinuationJob_BeforeContinuationDelay_IsNotYetPolled()
    {
        var job = (await PollAsync())!;
        await _emulator.Client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });
        await _emulator.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id!, ContinuationToken = "t" });

        _time.Advance(TimeSpan.FromSeconds(14));
        Assert.Null(await PollAsync());
        Assert.Equal(1, (await _emulator.Engine.CountJobsByStatusAsync())["Created"]);

        _time.Advance(TimeSpan.FromSeconds(1));
        var next = await PollAsync();
        Assert.NotNull(next);
        Assert.Equal("t", next.Data!.ContinuationToken);
    }

    private async Task<Job?> PollAsync()
    {
        var response = await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() });
        return response.Jobs!.SingleOrDefault();
    }

    private async Task<ActionState> ActionStateAsync()
    {
        var state = await _emulator.Client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "shop" });
        return state.StageStates!.Single(s => s.StageName == "Test").ActionStates!.Single();
    }
}
