using Baton.Agent.Continuation;
using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Runner;

public sealed class JobRunnerTokenTests
{
    private readonly RunnerHarness _h = new();

    public static TheoryData<string, string> BadTokens => new()
    {
        { "tampered", "altered or truncated" },
        { "unknown-key", "sealed with key id 9, which this agent does not have" },
        { "truncated", "truncated" },
        { "foreign", "not a Baton token" },
        { "future-version", "format version 7" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task RunAsync_TokenCannotBeOpened_ReportsFailureNamingTheReasonWithoutHandlerCall(string kind, string expected)
    {
        var good = _h.Token("s");
        var token = kind switch
        {
            "tampered" => good[..100] + (good[100] == 'A' ? 'B' : 'A') + good[101..],
            "unknown-key" => new ContinuationCodec(ContinuationKeyRing.Single(TestKeys.Key(9))).Seal(new ContinuationEnvelope { State = "s", OriginJobId = "o", Step = 2, StartedAt = RunnerHarness.Start }),
            "truncated" => good[..^12],
            "foreign" => """{"previous_job_id":"1234"}""",
            _ => "bt7." + good[4..],
        };

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(token), CancellationToken.None);

        Assert.Empty(_h.Handler.Calls);
        Assert.Empty(_h.Jobs.Successes);
        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Equal(FailureType.JobFailed, failure.Type);
        Assert.StartsWith("Baton could not open the job's continuation token.", failure.Message, StringComparison.Ordinal);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HandlerStateTooLarge_ReportsFailureNamingTheSize()
    {
        _h.Handler.OnStart = (_, _) => ValueTask.FromResult(StepResult.Continue(new string('x', 1900), externalExecutionId: "run-1"));

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Empty(_h.Jobs.Successes);
        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Equal(FailureType.JobFailed, failure.Type);
        Assert.StartsWith("The handler state is 1,900 bytes; the sealed token must fit in 2,048 characters", failure.Message, StringComparison.Ordinal);
        Assert.Contains("store large state in your backend", failure.Message, StringComparison.Ordinal);
        Assert.Equal("run-1", failure.ExternalExecutionId);
    }

    [Fact]
    public async Task RunAsync_NotBeforeInTheFuture_RunsTheStepOnlyOnceFakeTimeReachesIt()
    {
        var token = _h.Token("s", notBefore: RunnerHarness.Start.AddSeconds(15));

        var run = _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(token), CancellationToken.None);

        Assert.False(run.IsCompleted);
        Assert.Equal(["record", "ack"], _h.Events.Snapshot());
        _h.Time.Advance(TimeSpan.FromSeconds(14));
        Assert.Empty(_h.Handler.Calls);
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        await run;
        Assert.Single(_h.Handler.Calls);
        Assert.Single(_h.Jobs.Successes);
    }

    [Fact]
    public async Task RunAsync_NotBeforeInThePast_RunsTheStepAtOnce()
    {
        var token = _h.Token("s", notBefore: RunnerHarness.Start.AddSeconds(-1));

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(token), CancellationToken.None);

        Assert.Single(_h.Handler.Calls);
    }

    [Fact]
    public async Task RunAsync_TokenSealedWithRetiringKey_OpensAndReportsANewTokenSealedWithTheCurrentKey()
    {
        var old = new RunnerHarness(ContinuationKeyRing.Single(TestKeys.Key(1)));
        var token = old.Token("s");
        var rotated = new RunnerHarness(new ContinuationKeyRing([TestKeys.Key(1), TestKeys.Key(2)], currentKeyId: 2));
        rotated.Handler.OnContinue = (_, state, _) => ValueTask.FromResult(StepResult.Continue(state + "+"));

        await rotated.CreateRunner().RunAsync(RunnerHarness.CustomJob(token), CancellationToken.None);

        var next = Assert.Single(rotated.Jobs.Successes).ContinuationToken!;
        Assert.Equal(2, System.Buffers.Text.Base64Url.DecodeFromChars(next.AsSpan(4))[0]);
        Assert.Equal("s+", rotated.Codec.Open(next).State);
        var ex = Assert.Throws<ContinuationTokenException>(() => old.Codec.Open(next));
        Assert.Equal(ContinuationTokenError.UnknownKey, ex.Error);
    }
}
