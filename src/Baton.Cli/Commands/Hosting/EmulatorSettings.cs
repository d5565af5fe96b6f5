using System.ComponentModel;
using Baton.Emulator.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Hosting;

/// <summary>The arguments of <c>baton emulator</c>; checked by the emulator's own parser so both entries agree.</summary>
public sealed class EmulatorSettings : CommandSettings
{
    /// <summary>The TCP port.</summary>
    [CommandOption("--port <N>")]
    [Description("TCP port on 127.0.0.1, 0 = any free port (default 4599)")]
    public string? Port { get; set; }

    /// <summary>Where state and artifacts persist.</summary>
    [CommandOption("--data-dir <DIR>")]
    [Description("Keep state (SQLite) and artifacts in DIR; survives restarts")]
    public string? DataDirectory { get; set; }

    /// <summary>Keep everything in memory.</summary>
    [CommandOption("--in-memory")]
    [Description("Keep everything in memory (default when --data-dir is not given)")]
    public bool InMemory { get; set; }

    /// <summary>The region.</summary>
    [CommandOption("--region <NAME>")]
    [Description("AWS region (default us-east-1)")]
    public string? Region { get; set; }

    /// <summary>The account id.</summary>
    [CommandOption("--account-id <ID>")]
    [Description("12-digit account id (default 123456789012)")]
    public string? AccountId { get; set; }

    /// <summary>Signature checking.</summary>
    [CommandOption("--auth <MODE>")]
    [Description("verify (check SigV4 signatures, default) or none")]
    public string? Auth { get; set; }

    /// <summary>The accepted access key id.</summary>
    [CommandOption("--access-key <KEY>")]
    [Description("Accepted access key id (default test)")]
    public string? AccessKey { get; set; }

    /// <summary>The accepted secret key.</summary>
    [CommandOption("--secret-key <SECRET>")]
    [Description("Accepted secret access key (default test)")]
    public string? SecretKey { get; set; }

    /// <summary>The acknowledgement timeout.</summary>
    [CommandOption("--ack-timeout <DURATION>")]
    [Description("Redeliver a job not acknowledged in time (default 30s)")]
    public string? AckTimeout { get; set; }

    /// <summary>The job timeout.</summary>
    [CommandOption("--job-timeout <DURATION>")]
    [Description("Fail a job that reports no result in time (default 1h)")]
    public string? JobTimeout { get; set; }

    /// <summary>The action timeout.</summary>
    [CommandOption("--action-timeout <DURATION>")]
    [Description("Fail an action execution that runs longer (default 24h)")]
    public string? ActionTimeout { get; set; }

    /// <summary>The continuation delay.</summary>
    [CommandOption("--continuation-delay <DURATION>")]
    [Description("Delay before a continuation job appears (default 0s)")]
    public string? ContinuationDelay { get; set; }

    /// <summary>The settings as the emulator's own command line.</summary>
    public IReadOnlyList<string> ToArguments()
    {
        var args = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                args.Add(name);
                args.Add(value);
            }
        }

        Add("--port", Port);
        Add("--data-dir", DataDirectory);
        Add("--region", Region);
        Add("--account-id", AccountId);
        Add("--auth", Auth);
        Add("--access-key", AccessKey);
        Add("--secret-key", SecretKey);
        Add("--ack-timeout", AckTimeout);
        Add("--job-timeout", JobTimeout);
        Add("--action-timeout", ActionTimeout);
        Add("--continuation-delay", ContinuationDelay);
        if (InMemory)
        {
            args.Add("--in-memory");
        }

        return args;
    }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        EmulatorCommandLine.Parse(ToArguments()).Error is { } error ? ValidationResult.Error(error) : ValidationResult.Success();
}
