using Baton.CodePipeline.Model;
using Baton.LoadTest.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Baton.LoadTest.Tests.EndToEnd;

/// <summary>
/// The load-test service goes away in the middle of a test: the agent's next step retries with
/// backoff and, once its budget is spent, the job fails with SystemUnavailable. It never hangs.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ServiceOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EndToEndStack _stack = null!;

    public async Task InitializeAsync() => _stack = await EndToEndStack.StartAsync(handler =>
    {
        handler.UnavailableBudget = TimeSpan.FromSeconds(3);
        handler.InitialBackoff = TimeSpan.FromMilliseconds(250);
        handler.MaxBackoff = TimeSpan.FromSeconds(1);
    });

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Pipeline_ServiceStopsMidTest_NextStepFailsWithSystemUnavailable()
    {
        var configuration = new Dictionary<string, string> { ["TargetUrl"] = _stack.Target.At("/ok"), ["Duration"] = "30s", ["Rate"] = "20" };
        await _stack.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = LoadTestPipelines.SourceThenLoadTest("outage", configuration) });
        await LoadTestPipelines.ConnectAsync(_stack, "outage", TestService.Alpha.ApiKey, configuration);
        var executionId = (await _stack.CodePipeline.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "outage" })).PipelineExecutionId!;
        var deadline = TimeSpan.FromSeconds(60);
        var running = (await ActionProgress.FollowAsync(_stack.CodePipeline, "outage", executionId, deadline, s => s.PercentComplete > 0))[^1];
        Assert.Equal("InProgress", running.Status);

        await _stack.Service.StopAsync();
        var seen = await ActionProgress.FollowAsync(_stack.CodePipeline, "outage", executionId, deadline);
        output.WriteLine(string.Join(Environment.NewLine, seen));

        var final = seen[^1];
        Assert.Equal("Failed", final.Status);
        Assert.Equal("SystemUnavailable", final.ErrorCode);
        Assert.StartsWith($"The load-test service at {_stack.ServiceUrl} was unreachable", final.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(running.ExternalExecutionId, final.ExternalExecutionId);
    }
}
