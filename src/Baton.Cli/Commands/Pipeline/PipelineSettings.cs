using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>The arguments the <c>baton pipeline</c> commands share: the pipeline's name and the AWS options.</summary>
public partial class PipelineSettings : AwsSettings
{
    /// <summary>The pipeline.</summary>
    [CommandArgument(0, "<name>")]
    [Description("The pipeline's name")]
    public string Name { get; set; } = string.Empty;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return PipelineName().IsMatch(Name)
            ? ValidationResult.Success()
            : ValidationResult.Error($"<name>: '{Name}' is not a pipeline name; use 1-100 letters, digits and . @ - _.");
    }

    [GeneratedRegex("^[A-Za-z0-9.@\\-_]{1,100}$")]
    private static partial Regex PipelineName();
}
