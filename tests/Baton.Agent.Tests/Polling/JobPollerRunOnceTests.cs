using System.Net;
using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline;

namespace Baton.Agent.Tests.Polling;

public sealed class JobPollerRunOnceTests : IDisposable
{
    private readonly AgentHarness _h = new();

    [Fact]
    public async Task RunOnceAsync_QueuedJobs_ReturnsOnceAllAreReportedAndAPollIsEmpty()
    {
        var release = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Handler.OnStart = (_, _) => new ValueTask<StepResult>(release.Task);
        var run = _h.CreatePoller(maxConcurrency: 4).RunOnceAsync(CancellationToken.None);

        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob(), RunnerHarness.CustomJob());
        var whileRunning = await _h.Jobs.NextPollAsync();
        Assert.Equal(2, whileRunning.MaxBatchSize);
        whileRunning.Answer();

        // Nothing more is queued, but two jobs still run: no return, and no idle wait either.
        Assert.False(run.IsCompleted);
        release.SetResult(StepResult.Succeed("done"));
        var final = await _h.Jobs.NextPollAsync();
        Assert.Equal(4, final.MaxBatchSize);
        final.Answer();

        await run;
        Assert.Equal(2, _h.Jobs.Successes.Count);
        Assert.False(_h.Time.HasUnreadTimer);
    }

    [Fact]
    public async Task RunOnceAsync_NothingQueued_ReturnsAfterOneEmptyPoll()
    {
        var run = _h.CreatePoller().RunOnceAsync(CancellationToken.None);

        (await _h.Jobs.NextPollAsync()).Answer();

        await run;
        Assert.Equal(0, _h.Jobs.Reports);
    }

    [Fact]
    public async Task RunOnceAsync_Throttled_BacksOffAndCarriesOn()
    {
        var run = _h.CreatePoller().RunOnceAsync(CancellationToken.None);

        (await _h.Jobs.NextPollAsync()).Fail(new CodePipelineServiceException("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest, null));
        _h.Time.Advance(await _h.Time.NextTimerAsync());
        (await _h.Jobs.NextPollAsync()).Answer();

        await run;
    }

    [Fact]
    public async Task RunOnceAsync_Rejected_Throws()
    {
        var run = _h.CreatePoller().RunOnceAsync(CancellationToken.None);

        (await _h.Jobs.NextPollAsync()).Fail(new CodePipelineServiceException("ActionTypeNotFoundException", "no such type", HttpStatusCode.BadRequest, null));

        var error = await Assert.ThrowsAsync<CodePipelineServiceException>(() => run);
        Assert.Equal("ActionTypeNotFoundException", error.ErrorCode);
    }

    public void Dispose() => _h.Dispose();
}
