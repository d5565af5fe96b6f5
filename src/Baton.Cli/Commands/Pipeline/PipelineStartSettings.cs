using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>The arguments of <c>baton pipeline start</c>.</summary>
public sealed class PipelineStartSettings : PipelineSettings
{
    /// <summary>Pipeline variables as <c>name=value</c>.</summary>
    [CommandOption("--variable <NAME=VALUE>")]
    [Description("A pipeline variable for this execution, repeatable (up to 50)")]
    public string[] Variables { get; set; } = [];

    /// <summary>Print the execution id as JSON.</summary>
    [CommandOption("--json")]
    [Description("Print StartPipelineExecution's answer as JSON")]
    public bool Json { get; set; }

    /// <summary>The variables, split.</summary>
    public IEnumerable<(string Name, string Value)> ParsedVariables =>
        Variables.Select(v => (v[..v.IndexOf('=', StringComparison.Ordinal)], v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..]));

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Variables.Length > 50)
        {
            return ValidationResult.Error($"--variable: at most 50 variables per execution, got {Variables.Length}.");
        }

        var bad = Variables.FirstOrDefault(v => v.IndexOf('=', StringComparison.Ordinal) <= 0 || v.EndsWith('='));
        return bad is null
            ? ValidationResult.Success()
            : ValidationResult.Error($"--variable: '{bad}' is not name=value; write e.g. --variable env=staging.");
    }
}
