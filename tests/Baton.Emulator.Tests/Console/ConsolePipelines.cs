using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Console;

/// <summary>The action types and pipelines of the console tests.</summary>
internal static class ConsolePipelines
{
    public const string LinkPayload = "\"><img src=x onerror=alert('entity')>";
    public const string ImagePayload = "<img src=x onerror=alert('summary')>";
    public const string ScriptPayload = "<script>alert('approval')</script>";
    public const string TitlePayload = "<img src=x onerror=\"document.title='pwned'\">";

    public static ActionTypeId ReportType(string version = "1") =>
        new() { Category = ActionCategory.Test, Owner = ActionOwner.Custom, Provider = "BatonReport", Version = version };

    /// <summary>A custom type whose URL templates take a free-text configuration value.</summary>
    public static CreateCustomActionTypeRequest ReportDefinition(string version = "1", string executionUrlTemplate = "https://report.example/{Config:Folder}/runs/{ExternalExecutionId}") => new()
    {
        Category = ActionCategory.Test,
        Provider = "BatonReport",
        Version = version,
        Settings = new ActionTypeSettings
        {
            EntityUrlTemplate = "https://report.example/{Config:Folder}",
            ExecutionUrlTemplate = executionUrlTemplate,
        },
        ConfigurationProperties = [new ActionConfigurationProperty { Name = "Folder", Required = true, Key = true, Secret = false }],
        InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
        OutputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
    };

    /// <summary>Source, then one action of <paramref name="type"/> whose Folder is <paramref name="folder"/>, then a manual approval.</summary>
    public static PipelineDeclaration ReportThenApproval(string name, ActionTypeId type, string folder)
    {
        var template = Pipelines.SourceThenApproval(name);
        var report = new StageDeclaration
        {
            Name = "Report",
            Actions =
            [
                new ActionDeclaration
                {
                    Name = "Publish",
                    ActionTypeId = type,
                    Configuration = new Dictionary<string, string> { ["Folder"] = folder },
                    InputArtifacts = [new InputArtifact { Name = "SourceOutput" }],
                },
            ],
        };
        return template with { Stages = [template.Stages[0], report, template.Stages[1]] };
    }
}
