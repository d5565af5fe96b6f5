using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Action;

/// <summary>The arguments of <c>baton action register</c>.</summary>
public sealed class ActionRegisterSettings : AwsSettings
{
    /// <summary>The definition file.</summary>
    [CommandOption("-f|--file <PATH>")]
    [Description("JSON file with CreateCustomActionType's members: category, provider, version, settings, configurationProperties, inputArtifactDetails, outputArtifactDetails (required)")]
    public string? File { get; set; }

    /// <summary>Register a partner (ThirdParty) type on the emulator instead.</summary>
    [CommandOption("--third-party")]
    [Description("Register a ThirdParty (partner) action type through the emulator's admin API (POST {endpoint}/_baton/third-party-action-types) instead of CreateCustomActionType")]
    public bool ThirdParty { get; set; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        return !result.Successful ? result
            : string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("--file is required; name the JSON definition, e.g. --file action-type.json.")
            : ValidationResult.Success();
    }
}
