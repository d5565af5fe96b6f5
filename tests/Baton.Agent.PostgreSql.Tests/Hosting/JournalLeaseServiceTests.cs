using Baton.Agent.Hosting;
using Baton.Agent.Journal;
using Baton.Agent.PostgreSql.Tests.Infrastructure;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.PostgreSql.Tests.Hosting;

/// <summary>One renewal or adoption round of the service, on a fake clock, with a peer journal in the same schema.</summary>
public sealed class JournalLeaseServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan _lease = TimeSpan.FromSeconds(30);
    private static readonly string[] _types = [Entries.ActionType];
    private readonly FakeTimeProvider _time = new(Entries.Start);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "baton-pg-lease-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private readonly AgentSignals _signals = new();
    private IHost _host = null!;
    private PostgreSqlJobJournal _peer = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _peer = _database.Journal(_time, _lease);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection([new("Baton:Agent:AgentId", "agent-a"), new("Baton:Agent:StateDirectory", _state)]);
        builder.Services.AddLogging(logging => logging.AddProvider(_signals));
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton(new ScriptedHandler((_, _) => throw new InvalidOperationException("not run in these tests")));
        builder.Services.AddBatonAgent()
            .ConfigureCodePipelineClient(o =>
            {
                o.Region = "us-east-1";
                o.EndpointUrl = new Uri("http://127.0.0.1:9");
                o.Credentials = new AwsCredentials("test", "test");
                o.MaxAttempts = 1;
            })
            .AddHandler<ScriptedHandler>(Entries.ActionType)
            .UsePostgreSqlJournal(_database.ConnectionString, o =>
            {
                o.Schema = _database.Schema;
                o.Lease.LeaseDuration = _lease;
                o.Lease.RenewInterval = _lease / 3;
            });
        _host = builder.Build();
    }

    private LeasedJobJournal Journal => _host.Services.GetRequiredService<LeasedJobJournal>();

    private JournalLeaseService Service => _host.Services.GetRequiredService<JournalLeaseService>();

    [Fact]
    public async Task RenewAsync_HeldJob_PeerCannotAdoptItAfterTheFirstLease()
    {
        await Journal.RecordAsync(Entries.Entry("agent-a", _time.GetUtcNow(), "job-1"), CancellationToken.None);
        _time.Advance(_lease - TimeSpan.FromSeconds(1));

        await Service.RenewAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(await _peer.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));
        Assert.Equal(["job-1"], Journal.HeldJobIds);
    }

    [Fact]
    public async Task RenewAsync_PeerAdoptedTheJob_StopsHoldingIt()
    {
        await Journal.RecordAsync(Entries.Entry("agent-a", _time.GetUtcNow(), "job-1"), CancellationToken.None);
        _time.Advance(_lease);
        Assert.Single(await _peer.AdoptExpiredAsync("agent-b", _types, 10, CancellationToken.None));

        await Service.RenewAsync(CancellationToken.None);

        Assert.Empty(Journal.HeldJobIds);
        Assert.Equal("agent-b", await _database.ScalarAsync<string>("SELECT agent_id FROM {table} WHERE job_id = 'job-1'"));
    }

    [Fact]
    public async Task CompleteAsync_HeldJob_IsNoLongerRenewed()
    {
        await Journal.RecordAsync(Entries.Entry("agent-a", _time.GetUtcNow(), "job-1"), CancellationToken.None);

        await Journal.CompleteAsync("job-1", CancellationToken.None);

        Assert.Empty(Journal.HeldJobIds);
    }

    [Fact]
    public async Task AdoptAsync_DeadPeersExpiredJob_AdoptsHoldsAndResumesIt()
    {
        await _peer.RecordAsync(Entries.Entry("agent-dead", _time.GetUtcNow(), "job-1"), CancellationToken.None);
        await _peer.RecordAsync(Entries.Entry("agent-dead", _time.GetUtcNow(), "other-type", "Build/Custom/Other/1"), CancellationToken.None);
        _time.Advance(_lease);

        Assert.Equal(1, await Service.AdoptAsync(CancellationToken.None));

        Assert.Equal(["job-1"], Journal.HeldJobIds);
        Assert.Equal(1, await _database.ScalarAsync<int>("SELECT adoptions FROM {table} WHERE job_id = 'job-1' AND agent_id = 'agent-a'"));
        Assert.Equal("agent-dead", await _database.ScalarAsync<string>("SELECT agent_id FROM {table} WHERE job_id = 'other-type'"));
    }

    [Fact]
    public async Task Running_PeerLeaseExpiresLater_AdoptedOnTheNextAdoptInterval()
    {
        await _peer.RecordAsync(Entries.Entry("agent-dead", _time.GetUtcNow(), "job-1"), CancellationToken.None);

        // Start-up adopts at once, before the lease ends: nothing to take yet. The timers exist once StartAsync returns.
        await _host.StartAsync();
        Assert.False(_signals.FirstAdoption.IsCompleted);
        _time.Advance(_lease);

        var adopted = await _signals.FirstAdoption.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("Adopted job job-1", adopted, StringComparison.Ordinal);
        Assert.Contains("from agent agent-dead", adopted, StringComparison.Ordinal);
        Assert.Equal(["job-1"], Journal.HeldJobIds);
        await _host.StopAsync();
    }

    [Fact]
    public async Task AdoptAsync_JournalFails_LogsAndAdoptsNothing()
    {
        // A table of the right name but the wrong shape: the journal's migration fails.
        await _database.DisposeAsync();
        await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var breakTable = new Npgsql.NpgsqlCommand($"CREATE SCHEMA \"{_database.Schema}\"; CREATE TABLE \"{_database.Schema}\".baton_agent_journal (broken int);", connection);
        await breakTable.ExecuteNonQueryAsync();

        Assert.Equal(0, await Service.AdoptAsync(CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _peer.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
