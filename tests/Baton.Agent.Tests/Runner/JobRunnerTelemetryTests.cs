using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Baton.Agent.Tests.Runner;

public sealed class JobRunnerTelemetryTests
{
    private readonly RunnerHarness _h = new();

    [Fact]
    public async Task RunAsync_EachOutcome_CountsOnceAndRecordsTheStepDuration()
    {
        using var acknowledged = new MetricCollector<long>(_h.Telemetry.Acknowledged);
        using var continued = new MetricCollector<long>(_h.Telemetry.Continued);
        using var succeeded = new MetricCollector<long>(_h.Telemetry.Succeeded);
        using var failed = new MetricCollector<long>(_h.Telemetry.Failed);
        using var durations = new MetricCollector<double>(_h.Telemetry.StepDuration);
        _h.Handler.OnStart = (_, _) => ValueTask.FromResult(StepResult.Continue("s"));
        _h.Handler.OnContinue = (_, state, _) => ValueTask.FromResult(
            state == "s" ? StepResult.Succeed() : StepResult.Fail(FailureType.JobFailed, "no"));
        var runner = _h.CreateRunner();

        await runner.RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);
        await runner.RunAsync(RunnerHarness.CustomJob(_h.Jobs.Successes[0].ContinuationToken), CancellationToken.None);
        await runner.RunAsync(RunnerHarness.CustomJob(_h.Token("other")), CancellationToken.None);

        Assert.Equal(3, acknowledged.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, continued.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, succeeded.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, failed.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(3, durations.GetMeasurementSnapshot().Count);
    }

    [Fact]
    public async Task RunAsync_Job_LogsInsideAScopeNamingJobPipelineStageActionStepAndOrigin()
    {
        var job = RunnerHarness.CustomJob(_h.Token("s", step: 3, originJobId: "origin-3"));

        await _h.CreateRunner().RunAsync(job, CancellationToken.None);

        var reported = Assert.Single(_h.Logger.Collector.GetSnapshot(), r => r.Message.StartsWith("Reported", StringComparison.Ordinal));
        var scope = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(Assert.Single(reported.Scopes)).ToDictionary();
        Assert.Equal(job.Reference.JobId, scope["JobId"]);
        Assert.Equal("web", scope["Pipeline"]);
        Assert.Equal("Test", scope["Stage"]);
        Assert.Equal("LoadTest", scope["Action"]);
        Assert.Equal(3, scope["Step"]);
        Assert.Equal("origin-3", scope["OriginJobId"]);
    }
}
