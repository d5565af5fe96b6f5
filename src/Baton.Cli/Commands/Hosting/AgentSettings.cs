using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Hosting;

/// <summary>The arguments of <c>baton agent</c>.</summary>
public sealed class AgentSettings : CommandSettings
{
    /// <summary>The configuration file.</summary>
    [CommandOption("-c|--config <FILE>")]
    [Description("JSON configuration: Baton:Agent (agent options), Baton:LoadTest (ServiceUrl, ActionType, MaxConcurrency), Baton:CodePipeline (Region, EndpointUrl), Baton:Agent:Journal:PostgreSql:ConnectionString (share one PostgreSQL journal between replicas; default SQLite) (required). It overrides appsettings.json; environment variables (Baton__Agent__DrainTimeout=...) and arguments after -- (-- --Baton:Agent:DrainTimeout=00:00:10) override it")]
    public string? Config { get; set; }

    /// <summary>Run until no work is left, then exit.</summary>
    [CommandOption("--once")]
    [Description("Take the jobs waiting now, finish them, then exit (for cron or CI); default: poll until Ctrl-C")]
    public bool Once { get; set; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Config) ? ValidationResult.Error("--config is required; name the agent's JSON configuration file, e.g. --config agent.json.")
            : !File.Exists(Config) ? ValidationResult.Error($"--config: '{Config}' does not exist.")
            : ValidationResult.Success();
}
