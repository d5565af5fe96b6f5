using Baton.Agent.Journal;
using Baton.Agent.PostgreSql;
using Baton.Cli.Commands.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Baton.Cli.Tests.Hosting;

/// <summary>
/// <c>baton agent</c> picks its journal from configuration alone: SQLite by default, the shared
/// PostgreSQL journal when <c>Baton:Agent:Journal:PostgreSql:ConnectionString</c> is set. Nothing
/// here connects to a database (the journal connects on first use).
/// </summary>
public sealed class AgentJournalSelectionTests : IDisposable
{
    private const string ConnectionString = "Host=127.0.0.1;Port=54329;Username=baton;Password=baton;Database=baton_test";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("baton-agent-journal-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void CreateBuilder_PostgreSqlConnectionStringInTheConfigFile_UsesThePostgreSqlJournal()
    {
        var config = WriteConfig($$"""
            { "Baton": { "CodePipeline": { "Region": "us-east-1", "EndpointUrl": "http://127.0.0.1:9/" }, "Agent": { "StateDirectory": "state", "Journal": { "PostgreSql": { "ConnectionString": "{{ConnectionString}}", "Schema": "agents_blue" } } } } }
            """);

        var (builder, _) = AgentHost.CreateBuilder(config, [], _root.FullName);
        using var host = builder.Build();

        Assert.IsType<LeasedJobJournal>(host.Services.GetRequiredService<IJobJournal>());
        Assert.NotNull(host.Services.GetRequiredService<PostgreSqlJobJournal>());
        var options = host.Services.GetRequiredService<IOptions<PostgreSqlJournalOptions>>().Value;
        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.Equal("agents_blue", options.Schema);
        Assert.Contains(host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is JournalLeaseService);
    }

    [Fact]
    public void CreateBuilder_PostgreSqlConnectionStringOnTheCommandLine_UsesThePostgreSqlJournal()
    {
        var config = WriteConfig("""{ "Baton": { "Agent": { "StateDirectory": "state" } } }""");

        var (builder, _) = AgentHost.CreateBuilder(config, [$"--Baton:Agent:Journal:PostgreSql:ConnectionString={ConnectionString}"], _root.FullName);
        using var host = builder.Build();

        Assert.IsType<LeasedJobJournal>(host.Services.GetRequiredService<IJobJournal>());
    }

    [Fact]
    public void CreateBuilder_NoPostgreSqlConnectionString_KeepsTheSqliteJournal()
    {
        var config = WriteConfig("""{ "Baton": { "Agent": { "StateDirectory": "state", "Journal": { "PostgreSql": { "ConnectionString": " " } } } } }""");

        var (builder, _) = AgentHost.CreateBuilder(config, [], _root.FullName);

        Assert.False(AgentHost.UsesPostgreSqlJournal(builder.Configuration));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(PostgreSqlJobJournal));
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(LeasedJobJournal));
    }

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_root.FullName, "agent.json");
        File.WriteAllText(path, json);
        return path;
    }
}
