using Baton.Agent.Hosting;
using Baton.Agent.PostgreSql;
using Baton.LoadTest.Handler;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Baton.Cli.Commands.Hosting;

/// <summary>
/// The Generic Host of <c>baton agent</c>. Configuration is layered, each source overriding the
/// ones before it:
/// <list type="number">
/// <item><c>appsettings.json</c>, then <c>appsettings.{DOTNET_ENVIRONMENT}.json</c>, in the working directory (optional);</item>
/// <item>the <c>--config</c> file;</item>
/// <item>environment variables, <c>__</c> for <c>:</c> (e.g. <c>Baton__CodePipeline__EndpointUrl</c>);</item>
/// <item>the command line after <c>--</c> (e.g. <c>-- --Baton:Agent:DrainTimeout=00:00:10</c>).</item>
/// </list>
/// The journal is SQLite unless <c>Baton:Agent:Journal:PostgreSql:ConnectionString</c> is set: then
/// it is the shared PostgreSQL journal (<c>UsePostgreSqlJournal</c>, the rest of that section binds to
/// its options), so several replicas adopt each other's jobs.
/// Under systemd (a <c>Type=notify</c> unit) the host tells systemd when it is ready and stopping,
/// and logs in the journal's format; elsewhere it is an ordinary console host.
/// </summary>
internal static class AgentHost
{
    /// <summary>Creates the host builder with the agent, its handler and the layered configuration.</summary>
    /// <param name="configFile">The <c>--config</c> file.</param>
    /// <param name="commandLine">The arguments after <c>--</c>.</param>
    /// <param name="contentRoot">Where <c>appsettings.json</c> is looked for.</param>
    /// <returns>The builder and the action type the agent runs.</returns>
    public static (HostApplicationBuilder Builder, string ActionType) CreateBuilder(string configFile, IReadOnlyList<string> commandLine, string contentRoot)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. commandLine], ContentRootPath = contentRoot });
        AddConfigFile(builder.Configuration, Path.GetFullPath(configFile));
        builder.Services.AddSystemd();

        var loadTest = builder.Configuration.GetSection("Baton:LoadTest");
        var actionType = loadTest["ActionType"] ?? AgentCommand.DefaultActionType;
        var maxConcurrency = loadTest.GetValue<int?>("MaxConcurrency");
        builder.Services.AddLoadTestHandler(options => loadTest.Bind(options));
        var agent = builder.Services.AddBatonAgent(builder.Configuration)
            .AddHandler<LoadTestHandler>(actionType, handler => handler.MaxConcurrency = maxConcurrency ?? handler.MaxConcurrency)
            .ConfigureCodePipelineClient(options => builder.Configuration.GetSection("Baton:CodePipeline").Bind(options));
        if (UsesPostgreSqlJournal(builder.Configuration))
        {
            agent.UsePostgreSqlJournal();
        }

        return (builder, actionType);
    }

    /// <summary>Whether the configuration selects the PostgreSQL journal (a non-blank connection string).</summary>
    /// <param name="configuration">The agent's configuration.</param>
    /// <returns>True when <c>Baton:Agent:Journal:PostgreSql:ConnectionString</c> is set.</returns>
    public static bool UsesPostgreSqlJournal(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[PostgreSqlJournalOptions.SectionName + ":ConnectionString"]);
    }

    // The file goes between the appsettings files and the environment, so that the environment and
    // the command line can override single settings of a shared file (a systemd unit's Environment=).
    private static void AddConfigFile(ConfigurationManager configuration, string path)
    {
        var file = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Sources[0];
        var sources = configuration.Sources;
        var environment = sources.Select((source, index) => (source, index))
            .FirstOrDefault(s => s.source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environment.source is null)
        {
            sources.Add(file);
        }
        else
        {
            sources.Insert(environment.index, file);
        }
    }
}
