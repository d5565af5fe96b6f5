using Baton.Agent.Continuation;
using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Runner;

public sealed class JobRunnerStopTests
{
    private readonly RunnerHarness _h = new();

    [Fact]
    public async Task RunAsync_StoppedWhileWaitingForNotBefore_HandsBackTheIncomingToken()
    {
        var token = _h.Token("s", notBefore: RunnerHarness.Start.AddMinutes(1));
        using var stopping = new CancellationTokenSource();
        var run = _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(token), stopping.Token);

        await stopping.CancelAsync();
        await run;

        Assert.Empty(_h.Handler.Calls);
        var report = Assert.Single(_h.Jobs.Successes);
        Assert.Empty(_h.Jobs.Failures);
        Assert.Equal(token, report.ContinuationToken);
        Assert.Equal("ext-42", report.ExecutionDetails!.ExternalExecutionId);
        Assert.Equal(["record", "ack", "put-success", "complete"], _h.Events.Snapshot());
    }

    [Fact]
    public async Task RunAsync_StoppedDuringContinue_HandsBackTheIncomingToken()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Handler.OnContinue = async (_, _, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return StepResult.Succeed();
        };
        var token = _h.Token("s");
        using var stopping = new CancellationTokenSource();
        var run = _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(token), stopping.Token);
        await entered.Task;

        await stopping.CancelAsync();
        await run;

        Assert.Equal(token, Assert.Single(_h.Jobs.Successes).ContinuationToken);
        Assert.Empty(_h.Jobs.Failures);
    }

    [Fact]
    public async Task RunAsync_StoppedDuringFirstStep_HandsBackAStepOneEnvelopeThatStartsAgainUnderTheSameKey()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Handler.OnStart = async (_, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return StepResult.Succeed();
        };
        var first = RunnerHarness.CustomJob();
        using var stopping = new CancellationTokenSource();
        var run = _h.CreateRunner().RunAsync(first, stopping.Token);
        await entered.Task;

        await stopping.CancelAsync();
        await run;

        var handedBack = Assert.Single(_h.Jobs.Successes).ContinuationToken!;
        Assert.Empty(_h.Jobs.Failures);
        var envelope = _h.Codec.Open(handedBack);
        Assert.Equal(new ContinuationEnvelope { State = null, Step = 1, OriginJobId = first.Reference.JobId, StartedAt = RunnerHarness.Start }, envelope);

        // The job CodePipeline creates from the handed-back token starts the work again, idempotently.
        _h.Handler.OnStart = (_, _) => ValueTask.FromResult(StepResult.Succeed());
        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(handedBack), CancellationToken.None);
        var (context, state) = _h.Handler.Calls[^1];
        Assert.Null(state);
        Assert.Equal(1, context.Step);
        Assert.Equal(first.Reference.JobId, context.IdempotencyKey);
        Assert.NotEqual(first.Reference.JobId, context.JobId);
    }

    [Fact]
    public async Task RunAsync_HandlerTimesOutOnItsOwn_ReportsFailureNotHandBack()
    {
        _h.Handler.OnContinue = (_, _, _) => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.");

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(_h.Token("s")), CancellationToken.None);

        Assert.Empty(_h.Jobs.Successes);
        Assert.StartsWith("The handler threw TaskCanceledException", Assert.Single(_h.Jobs.Failures).FailureDetails.Message, StringComparison.Ordinal);
    }
}
