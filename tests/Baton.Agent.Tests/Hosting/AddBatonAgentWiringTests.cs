using System.Text.Json;
using Baton.Agent.Artifacts;
using Baton.Agent.Hosting;
using Baton.Agent.Journal;
using Baton.Agent.Options;
using Baton.Agent.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Tests.Hosting;

public sealed class AddBatonAgentWiringTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private CodePipelineStub _stub = null!;

    public async Task InitializeAsync() => _stub = await CodePipelineStub.StartAsync();

    [Fact]
    public async Task Start_CustomAndThirdPartyHandlers_EachPollsWithItsOwnVerbBatchSizeAndQueryParam()
    {
        var builder = AgentHostBuilder.Create(_state.Path);
        builder.Services.AddSingleton(new FakeHandler(new EventLog()));
        builder.Services.AddBatonAgent()
            .ConfigureCodePipelineClient(_stub.Configure)
            .AddHandler<FakeHandler>("Build/Custom/Jenkins/1", o =>
            {
                o.MaxConcurrency = 2;
                o.QueryParam["ProjectName"] = "web";
            })
            .AddHandler<FakeHandler>("Test/ThirdParty/BatonLoadTest/1", o => o.MaxConcurrency = 3);
        using var host = builder.Build();

        await host.StartAsync();
        var custom = await _stub.WaitForRequestAsync("PollForJobs");
        var thirdParty = await _stub.WaitForRequestAsync("PollForThirdPartyJobs");
        await host.StopAsync();

        Assert.Equal(
            """{"actionTypeId":{"category":"Build","owner":"Custom","provider":"Jenkins","version":"1"},"maxBatchSize":2,"queryParam":{"ProjectName":"web"}}""",
            JsonSerializer.Serialize(custom));
        Assert.Equal(
            """{"actionTypeId":{"category":"Test","owner":"ThirdParty","provider":"BatonLoadTest","version":"1"},"maxBatchSize":3}""",
            JsonSerializer.Serialize(thirdParty));
    }

    [Fact]
    public async Task Start_Defaults_JournalInTheStateDirectoryAndAStableAgentId()
    {
        string firstId;
        using (var host = BuildHost())
        {
            await host.StartAsync();
            firstId = host.Services.GetRequiredService<IOptions<AgentOptions>>().Value.AgentId;
            Assert.IsType<SqliteJobJournal>(host.Services.GetRequiredService<IJobJournal>());
            Assert.NotNull(host.Services.GetService<JobArtifactsFactory>());
            await host.StopAsync();
        }

        Assert.True(File.Exists(Path.Combine(_state.Path, "journal.db")));
        Assert.Equal(firstId, File.ReadAllText(Path.Combine(_state.Path, AgentIdentity.FileName)));
        Assert.Matches($"^{Environment.MachineName}-[0-9a-f]{{8}}$", firstId);

        using var restarted = BuildHost();
        Assert.Equal(firstId, restarted.Services.GetRequiredService<IOptions<AgentOptions>>().Value.AgentId);
    }

    [Fact]
    public async Task HealthCheck_Registered_UnhealthyUntilStartedAndAfterStopped()
    {
        using var host = BuildHost();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var before = (await health.CheckHealthAsync()).Entries[AgentServiceCollectionExtensions.HealthCheckName];
        await host.StartAsync();
        await _stub.WaitForRequestAsync("PollForJobs");
        await host.StopAsync();
        var after = (await health.CheckHealthAsync()).Entries[AgentServiceCollectionExtensions.HealthCheckName];

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("The agent is not polling (state NotStarted).", before.Description);
        Assert.Equal("The agent is not polling (state Stopped).", after.Description);
    }

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _state.Dispose();
    }

    private Microsoft.Extensions.Hosting.IHost BuildHost()
    {
        var builder = AgentHostBuilder.Create(_state.Path);
        builder.Services.AddSingleton(new FakeHandler(new EventLog()));
        builder.Services.AddBatonAgent().ConfigureCodePipelineClient(_stub.Configure).AddHandler<FakeHandler>("Test/Custom/BatonTest/1");
        return builder.Build();
    }
}
