using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Tests.Runner;

public sealed class JobRunnerOutcomeTests
{
    private readonly RunnerHarness _h = new();

    [Fact]
    public async Task RunAsync_StartReturnsContinue_ReportsOneSuccessWithSealedEnvelopeAndDetails()
    {
        _h.Handler.OnStart = (_, _) => ValueTask.FromResult(StepResult.Continue("test-153245", 0, "Test created", TimeSpan.FromSeconds(15), "153245"));
        var job = RunnerHarness.CustomJob();

        await _h.CreateRunner().RunAsync(job, CancellationToken.None);

        var report = Assert.Single(_h.Jobs.Successes);
        Assert.Empty(_h.Jobs.Failures);
        Assert.Equal(job.Reference, report.Job);
        Assert.Equal(new ExecutionDetails { ExternalExecutionId = "153245", PercentComplete = 0, Summary = "Test created" }, report.ExecutionDetails);
        var envelope = _h.Codec.Open(report.ContinuationToken!);
        Assert.Equal("test-153245", envelope.State);
        Assert.Equal(2, envelope.Step);
        Assert.Equal(job.Reference.JobId, envelope.OriginJobId);
        Assert.Equal("153245", envelope.ExternalExecutionId);
        Assert.Equal(RunnerHarness.Start, envelope.StartedAt);
        Assert.Equal(RunnerHarness.Start.AddSeconds(15), envelope.NotBefore);
    }

    [Fact]
    public async Task RunAsync_FirstJob_HandlerSeesStepOneAndJobIdAsIdempotencyKey()
    {
        var job = RunnerHarness.CustomJob();

        await _h.CreateRunner().RunAsync(job, CancellationToken.None);

        var (context, state) = Assert.Single(_h.Handler.Calls);
        Assert.Null(state);
        Assert.Equal(1, context.Step);
        Assert.Equal(job.Reference.JobId, context.IdempotencyKey);
        Assert.Equal(RunnerHarness.Start, context.ActionStartedAt);
        Assert.Equal(new JobPipelineContext("web", "Test", "LoadTest", "ae-1", "pe-1"), context.Pipeline);
        Assert.Equal([new JobArtifact("App", "b", "k/in", "r1")], context.InputArtifacts);
        Assert.Equal("http://127.0.0.1/", context.Configuration.GetRequiredString("Target"));
    }

    [Fact]
    public async Task RunAsync_ContinueReturnsSucceed_ReportsFinalSuccessWithoutTokenCarryingExternalExecutionId()
    {
        var revision = new CurrentRevision { Revision = "r-9", ChangeIdentifier = "c-9" };
        _h.Handler.OnContinue = (_, _, _) => ValueTask.FromResult(
            StepResult.Succeed("PASSED", new Dictionary<string, string> { ["p95"] = "120ms" }, revision));
        var token = _h.Token("test-153245", step: 3, originJobId: "origin-1");

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(token), CancellationToken.None);

        var (context, state) = Assert.Single(_h.Handler.Calls);
        Assert.Equal("test-153245", state);
        Assert.Equal(3, context.Step);
        Assert.Equal("origin-1", context.IdempotencyKey);
        Assert.Equal("ext-42", context.ExternalExecutionId);
        Assert.Equal(RunnerHarness.Start.AddMinutes(-10), context.ActionStartedAt);
        var report = Assert.Single(_h.Jobs.Successes);
        Assert.Empty(_h.Jobs.Failures);
        Assert.Null(report.ContinuationToken);
        Assert.Equal(new ExecutionDetails { Summary = "PASSED", ExternalExecutionId = "ext-42", PercentComplete = 100 }, report.ExecutionDetails);
        Assert.Equal(revision, report.CurrentRevision);
        Assert.Equal("120ms", report.OutputVariables!["p95"]);
    }

    [Fact]
    public async Task RunAsync_HandlerFails_ReportsOneFailureWithTypeMessageAndExternalExecutionId()
    {
        _h.Handler.OnContinue = (_, _, _) => ValueTask.FromResult(StepResult.Fail(FailureType.JobFailed, "p95 was 450ms, threshold 300ms"));

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(_h.Token("s")), CancellationToken.None);

        Assert.Empty(_h.Jobs.Successes);
        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Equal(new FailureDetails { Type = FailureType.JobFailed, Message = "p95 was 450ms, threshold 300ms", ExternalExecutionId = "ext-42" }, failure);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ReportsJobFailedNamingTheExceptionAndKeepsStackTraceInLogs()
    {
        _h.Handler.OnContinue = (_, _, _) => throw new InvalidOperationException("backend answered 503");

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(_h.Token("s")), CancellationToken.None);

        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Empty(_h.Jobs.Successes);
        Assert.Equal(FailureType.JobFailed, failure.Type);
        Assert.Equal("The handler threw InvalidOperationException: backend answered 503", failure.Message);
        Assert.Equal("ext-42", failure.ExternalExecutionId);
        var logged = Assert.Single(_h.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task RunAsync_ConfigurationInvalid_ReportsConfigurationErrorNamingTheProperty()
    {
        _h.Handler.OnStart = (job, ct) =>
        {
            _ = job.Configuration.GetTimeSpan("Duration");
            return ValueTask.FromResult(StepResult.Succeed());
        };
        var job = RunnerHarness.CustomJob(configuration: new Dictionary<string, string> { ["Duration"] = "abc" });

        await _h.CreateRunner().RunAsync(job, CancellationToken.None);

        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Equal(FailureType.ConfigurationError, failure.Type);
        Assert.Equal("The action configuration property 'Duration' must be a duration such as 30s or 5m, got 'abc'.", failure.Message);
    }

    [Fact]
    public async Task RunAsync_ThirdPartySucceedsWithOutputVariables_ReportsClearFailureInstead()
    {
        _h.Handler.OnStart = (_, _) => ValueTask.FromResult(StepResult.Succeed("done", new Dictionary<string, string> { ["url"] = "x" }));

        await _h.CreateRunner().RunAsync(RunnerHarness.ThirdPartyJob(), CancellationToken.None);

        Assert.Empty(_h.Jobs.Successes);
        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Equal(FailureType.JobFailed, failure.Type);
        Assert.Contains("third-party actions cannot return output variables", failure.Message, StringComparison.Ordinal);
        Assert.Contains("(url)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ThirdPartySucceedsWithoutOutputVariables_ReportsSuccess()
    {
        await _h.CreateRunner().RunAsync(RunnerHarness.ThirdPartyJob(), CancellationToken.None);

        Assert.Single(_h.Jobs.Successes);
        Assert.Empty(_h.Jobs.Failures);
    }

    [Fact]
    public async Task RunAsync_HandlerReturnsNull_ReportsFailure()
    {
        _h.Handler.OnStart = (_, _) => ValueTask.FromResult<StepResult>(null!);

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Equal("The handler returned no StepResult (null).", Assert.Single(_h.Jobs.Failures).FailureDetails.Message);
    }

    [Fact]
    public async Task RunAsync_LongSummaryAndMessage_AreCutToModelLimits()
    {
        _h.Handler.OnStart = (_, _) => ValueTask.FromResult(StepResult.Continue("s", summary: new string('s', 3000)));
        _h.Handler.OnContinue = (_, _, _) => ValueTask.FromResult(StepResult.Fail(FailureType.JobFailed, new string('m', 6000)));

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);
        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(_h.Jobs.Successes[0].ContinuationToken), CancellationToken.None);

        var summary = _h.Jobs.Successes[0].ExecutionDetails!.Summary!;
        Assert.Equal(2048, summary.Length);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.Equal(5000, Assert.Single(_h.Jobs.Failures).FailureDetails.Message.Length);
    }

    [Theory]
    [InlineData(JobStatus.Succeeded)]
    [InlineData(JobStatus.Failed)]
    [InlineData(JobStatus.TimedOut)]
    [InlineData(JobStatus.Dispatched)]
    [InlineData(null)]
    public async Task RunAsync_AckStatusNotInProgress_DropsWithoutHandlerCallOrReport(string? status)
    {
        _h.Jobs.AckStatus = status!;

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Empty(_h.Handler.Calls);
        Assert.Equal(0, _h.Jobs.Reports);
        Assert.Equal(["record", "ack", "complete"], _h.Events.Snapshot());
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_AckRejectedForWrongNonce_NoHandlerCallAndNoReport()
    {
        _h.Jobs.AckException = new CodePipeline.InvalidNonceException("another worker claimed the job", System.Net.HttpStatusCode.BadRequest, "req-1");

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Empty(_h.Handler.Calls);
        Assert.Equal(0, _h.Jobs.Reports);
        Assert.Equal(["record", "ack", "complete"], _h.Events.Snapshot());
        Assert.Empty(await _h.Journal.ListUnreportedAsync(RunnerHarness.AgentId, CancellationToken.None));
    }
}
