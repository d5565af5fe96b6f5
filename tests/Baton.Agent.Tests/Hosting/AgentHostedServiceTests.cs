using Baton.Agent.Handlers;
using Baton.Agent.Hosting;
using Baton.Agent.Journal;
using Baton.Agent.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.Agent.Tests.Hosting;

public sealed class AgentHostedServiceTests : IAsyncLifetime
{
    private static readonly string _jobId = Guid.NewGuid().ToString();
    private readonly TempDirectory _state = new();
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CodePipelineStub _stub = null!;

    public async Task InitializeAsync()
    {
        _stub = await CodePipelineStub.StartAsync();
        _stub.Answer("PollForJobs", """
            {"jobs":[{"id":"JOB_ID","nonce":"1","accountId":"111111111111","data":{
              "actionTypeId":{"category":"Test","owner":"Custom","provider":"BatonTest","version":"1"},
              "actionConfiguration":{"configuration":{"Target":"http://127.0.0.1/"}},
              "pipelineContext":{"pipelineName":"web","stage":{"name":"Test"},"action":{"name":"LoadTest"}}}}]}
            """.Replace("JOB_ID", _jobId, StringComparison.Ordinal));
        _stub.Answer("AcknowledgeJob", """{"status":"InProgress"}""");
    }

    [Fact]
    public async Task StopAsync_RunningFirstStep_IsCancelledAndHandedBackWithAStartToken()
    {
        var handler = new FakeHandler(new EventLog()) { OnStart = (_, ct) => AgentHarness.BlockUntilCancelled(_entered)(ct) };
        using var host = BuildHost(handler, drainTimeout: "00:00:00");
        await host.StartAsync();
        await _entered.Task;

        await host.StopAsync();

        var report = await _stub.WaitForRequestAsync("PutJobSuccessResult");
        Assert.Equal(_jobId, report.GetProperty("jobId").GetString());
        Assert.StartsWith("bt1.", report.GetProperty("continuationToken").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PutJobFailureResult", _stub.Operations);
    }

    [Fact]
    public async Task StopAsync_ShutdownTimeoutOverAndStepIgnoresCancellation_ReturnsAndLeavesTheJobInTheJournal()
    {
        var stuck = new TaskCompletionSource<StepResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHandler(new EventLog())
        {
            OnStart = (_, _) =>
            {
                _entered.TrySetResult();
                return new ValueTask<StepResult>(stuck.Task);
            },
        };
        using (var host = BuildHost(handler, drainTimeout: "00:00:00"))
        {
            await host.StartAsync();
            await _entered.Task;

            // A shutdown token that is already cancelled: the host's shutdown timeout is over.
            await host.StopAsync(new CancellationToken(canceled: true));
        }

        Assert.DoesNotContain("PutJobSuccessResult", _stub.Operations);
        await using var journal = await SqliteJobJournal.OpenAsync(Path.Combine(_state.Path, "journal.db"), CancellationToken.None);
        Assert.Equal(_jobId, Assert.Single(await journal.ListUnreportedAsync("agent-1", CancellationToken.None)).JobId);
        stuck.SetResult(StepResult.Succeed());
    }

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _state.Dispose();
    }

    private Microsoft.Extensions.Hosting.IHost BuildHost(FakeHandler handler, string drainTimeout)
    {
        var builder = AgentHostBuilder.Create(_state.Path, [new("Baton:Agent:AgentId", "agent-1"), new("Baton:Agent:DrainTimeout", drainTimeout)]);
        builder.Services.AddSingleton(handler);
        builder.Services.AddBatonAgent()
            .ConfigureCodePipelineClient(_stub.Configure)
            .AddHandler<FakeHandler>("Test/Custom/BatonTest/1", o => o.MaxConcurrency = 1);
        return builder.Build();
    }
}
