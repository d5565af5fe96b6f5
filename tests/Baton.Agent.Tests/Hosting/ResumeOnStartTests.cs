using Baton.Agent.Handlers;
using Baton.Agent.Hosting;
using Baton.Agent.Journal;
using Baton.Agent.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.Agent.Tests.Hosting;

public sealed class ResumeOnStartTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private CodePipelineStub _stub = null!;

    public async Task InitializeAsync() => _stub = await CodePipelineStub.StartAsync();

    [Fact]
    public async Task Start_JobLeftInTheJournal_IsRunAgainAndReported()
    {
        var jobId = Guid.NewGuid().ToString();
        await using (var journal = await SqliteJobJournal.OpenAsync(Path.Combine(_state.Path, "journal.db"), CancellationToken.None))
        {
            await journal.RecordAsync(Entry(jobId, "agent-1"), CancellationToken.None);
            await journal.RecordAsync(Entry(Guid.NewGuid().ToString(), "another-agent"), CancellationToken.None);
        }

        _stub.Answer("GetJobDetails", """
            {"jobDetails":{"id":"JOB_ID","accountId":"111111111111","data":{
              "actionTypeId":{"category":"Test","owner":"Custom","provider":"BatonTest","version":"1"},
              "actionConfiguration":{"configuration":{"Target":"http://127.0.0.1/"}},
              "pipelineContext":{"pipelineName":"web","stage":{"name":"Test"},"action":{"name":"LoadTest"}}}}}
            """.Replace("JOB_ID", jobId, StringComparison.Ordinal));
        var handler = new FakeHandler(new EventLog()) { OnStart = (_, _) => ValueTask.FromResult(StepResult.Succeed("resumed")) };
        var builder = AgentHostBuilder.Create(_state.Path, [new("Baton:Agent:AgentId", "agent-1")]);
        builder.Services.AddSingleton(handler);
        builder.Services.AddBatonAgent().ConfigureCodePipelineClient(_stub.Configure).AddHandler<FakeHandler>("Test/Custom/BatonTest/1");
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var report = await _stub.WaitForRequestAsync("PutJobSuccessResult");
            await host.StopAsync();

            Assert.Equal(jobId, report.GetProperty("jobId").GetString());
            Assert.Equal("resumed", report.GetProperty("executionDetails").GetProperty("summary").GetString());
        }

        var (context, _) = Assert.Single(handler.Calls);
        Assert.Equal(jobId, context.JobId);
        Assert.Equal(jobId, context.IdempotencyKey);
        await using var reopened = await SqliteJobJournal.OpenAsync(Path.Combine(_state.Path, "journal.db"), CancellationToken.None);
        Assert.Empty(await reopened.ListUnreportedAsync("agent-1", CancellationToken.None));
        Assert.Single(await reopened.ListUnreportedAsync("another-agent", CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _state.Dispose();
    }

    private static JournalEntry Entry(string jobId, string agentId) => new()
    {
        JobId = jobId,
        IsThirdParty = false,
        ActionType = "Test/Custom/BatonTest/1",
        IncomingToken = null,
        Step = 1,
        AgentId = agentId,
        RecordedAt = RunnerHarness.Start.AddMinutes(-3),
    };
}
