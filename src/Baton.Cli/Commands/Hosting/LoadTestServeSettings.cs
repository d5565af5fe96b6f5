using System.ComponentModel;
using Baton.LoadTest.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Hosting;

/// <summary>The arguments of <c>baton loadtest serve</c>; checked by the service's own parser so both entries agree.</summary>
public sealed class LoadTestServeSettings : CommandSettings
{
    /// <summary>The TCP port.</summary>
    [CommandOption("--port <N>")]
    [Description("Port on 127.0.0.1, 0 = any free port (default 5080)")]
    public string? Port { get; set; }

    /// <summary>Where tests and results persist.</summary>
    [CommandOption("--data-dir <DIR>")]
    [Description("Keep tests and results in DIR/loadtest.db (default ./loadtest-data)")]
    public string? DataDirectory { get; set; }

    /// <summary>Keep everything in memory.</summary>
    [CommandOption("--in-memory")]
    [Description("Keep everything in memory (lost on exit)")]
    public bool InMemory { get; set; }

    /// <summary>Extra allowed targets.</summary>
    [CommandOption("--allow-target <X>")]
    [Description("Also allow load on X: a CIDR range, an address or a host name (repeatable); loopback is always allowed, nothing else by default")]
    public string[] AllowTargets { get; set; } = [];

    /// <summary>Accounts as <c>ID=KEY</c>.</summary>
    [CommandOption("--account <ID=KEY>")]
    [Description("An account and its API key (repeatable; default demo=baton-demo-key)")]
    public string[] Accounts { get; set; } = [];

    /// <summary>Tests run at once.</summary>
    [CommandOption("--max-concurrent <N>")]
    [Description("Tests run at once (default 2)")]
    public string? MaxConcurrent { get; set; }

    /// <summary>The PostgreSQL connection string of a store shared by replicas.</summary>
    [CommandOption("--postgres <CONNECTION>")]
    [Description("Keep tests in PostgreSQL, shared by every replica with the same database and schema (default SQLite); prefer the environment variable Baton__LoadTest__Store__PostgreSql__ConnectionString, which keeps the password off the command line")]
    public string? PostgreSql { get; set; }

    /// <summary>The PostgreSQL schema.</summary>
    [CommandOption("--postgres-schema <NAME>")]
    [Description("The schema of the PostgreSQL tables (default public)")]
    public string? PostgreSqlSchema { get; set; }

    /// <summary>This replica's name.</summary>
    [CommandOption("--replica-id <NAME>")]
    [Description("This replica's name in the shared store: distinct per replica, stable across restarts (default machine name + random)")]
    public string? ReplicaId { get; set; }

    /// <summary>The settings as the service's own command line.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string>();
        if (Port is not null)
        {
            args.AddRange(["--port", Port]);
        }

        if (DataDirectory is not null)
        {
            args.AddRange(["--data-dir", DataDirectory]);
        }

        if (InMemory)
        {
            args.Add("--in-memory");
        }

        args.AddRange(AllowTargets.SelectMany(target => new[] { "--allow-target", target }));
        args.AddRange(Accounts.SelectMany(account => new[] { "--account", account }));
        if (MaxConcurrent is not null)
        {
            args.AddRange(["--max-concurrent", MaxConcurrent]);
        }

        foreach (var (name, value) in new[] { ("--postgres", PostgreSql), ("--postgres-schema", PostgreSqlSchema), ("--replica-id", ReplicaId) })
        {
            if (value is not null)
            {
                args.AddRange([name, value]);
            }
        }

        return args;
    }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        LoadTestCommandLine.TryParse(ToArguments(), out _, out var error) ? ValidationResult.Success()
            : ValidationResult.Error(error ?? "the load-test service options are invalid.");
}
