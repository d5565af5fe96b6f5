using Baton.Agent.Hosting;
using Baton.Agent.Journal;
using Baton.Agent.PostgreSql.Tests.Infrastructure;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.PostgreSql.Tests.Hosting;

public sealed class UsePostgreSqlJournalTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "baton-pg-hosting-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void UsePostgreSqlJournal_Registered_AgentWritesThroughTheLeasedPostgreSqlJournal()
    {
        using var host = Build([new("Baton:Agent:Journal:PostgreSql:ConnectionString", TestDatabase.DefaultConnectionString)], b => b.UsePostgreSqlJournal());

        var journal = Assert.IsType<LeasedJobJournal>(host.Services.GetRequiredService<IJobJournal>());
        Assert.IsType<PostgreSqlJobJournal>(journal.Inner);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is JournalLeaseService);
    }

    [Fact]
    public void UsePostgreSqlJournal_Configuration_BindsConnectionStringSchemaAndLease()
    {
        using var host = Build(
            [
                new("Baton:Agent:Journal:PostgreSql:ConnectionString", TestDatabase.DefaultConnectionString),
                new("Baton:Agent:Journal:PostgreSql:Schema", "agents"),
                new("Baton:Agent:Journal:PostgreSql:Lease:LeaseDuration", "00:02:00"),
            ],
            b => b.UsePostgreSqlJournal(configure: o => o.Lease.AdoptInterval = TimeSpan.FromSeconds(3)));

        var options = host.Services.GetRequiredService<IOptions<PostgreSqlJournalOptions>>().Value;
        Assert.Equal(TestDatabase.DefaultConnectionString, options.ConnectionString);
        Assert.Equal("agents", options.Schema);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Lease.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Lease.AdoptInterval);
    }

    [Fact]
    public async Task StartAsync_NoConnectionString_FailsNamingTheSetting()
    {
        using var host = Build([], b => b.UsePostgreSqlJournal());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Baton:Agent:Journal:PostgreSql:ConnectionString is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_LeaseRenewedTooRarely_FailsNamingBothSettings()
    {
        using var host = Build([], b => b.UsePostgreSqlJournal(TestDatabase.DefaultConnectionString, o =>
        {
            o.Lease.LeaseDuration = TimeSpan.FromSeconds(30);
            o.Lease.RenewInterval = TimeSpan.FromSeconds(20);
        }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Baton:Agent:Journal:PostgreSql:Lease:RenewInterval is 00:00:20", error.Message, StringComparison.Ordinal);
        Assert.Contains("a third of LeaseDuration", error.Message, StringComparison.Ordinal);
    }

    private IHost Build(IEnumerable<KeyValuePair<string, string?>> configuration, Action<BatonAgentBuilder> journal)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(
            [new("Baton:Agent:AgentId", "agent-a"), new("Baton:Agent:StateDirectory", _state), .. configuration]);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Entries.Start));
        builder.Services.AddSingleton(new ScriptedHandler((_, _) => throw new InvalidOperationException("never polled")));
        journal(builder.Services.AddBatonAgent()
            .ConfigureCodePipelineClient(o =>
            {
                o.Region = "us-east-1";
                o.EndpointUrl = new Uri("http://127.0.0.1:9");
                o.Credentials = new AwsCredentials("test", "test");
                o.MaxAttempts = 1;
            })
            .AddHandler<ScriptedHandler>(Entries.ActionType));
        return builder.Build();
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
