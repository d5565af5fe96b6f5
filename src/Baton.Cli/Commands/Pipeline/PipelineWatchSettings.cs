using System.ComponentModel;
using Baton.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>The arguments of <c>baton pipeline watch</c>.</summary>
public sealed class PipelineWatchSettings : PipelineSettings
{
    /// <summary>The execution to follow; the latest when absent.</summary>
    [CommandOption("--execution-id <ID>")]
    [Description("The execution to follow (default: the pipeline's latest)")]
    public string? ExecutionId { get; set; }

    /// <summary>Give up after this long.</summary>
    [CommandOption("--timeout <DURATION>")]
    [Description("Stop watching after this long and exit 1 (default: watch until the execution ends)")]
    public string? Timeout { get; set; }

    /// <summary>The pause between polls.</summary>
    [CommandOption("--poll-interval <DURATION>")]
    [Description("Pause between polls")]
    [DefaultValue("2s")]
    public string PollInterval { get; set; } = "2s";

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        var error = DurationText.Check("--timeout", Timeout) ?? DurationText.Check("--poll-interval", PollInterval);
        return error is null ? ValidationResult.Success() : ValidationResult.Error(error);
    }
}
