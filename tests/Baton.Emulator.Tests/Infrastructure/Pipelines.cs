using Baton.CodePipeline.Model;

namespace Baton.Emulator.Tests.Infrastructure;

/// <summary>Builders for the action types and pipelines the tests use.</summary>
internal static class Pipelines
{
    public const string SourceBucket = "source-bucket";
    public const string SourceKey = "app.zip";
    public const string ArtifactBucket = "artifact-bucket";
    public const string RoleArn = "arn:aws:iam::123456789012:role/pipeline";

    public static ActionTypeId LoadTestType(string owner = ActionOwner.Custom, string version = "1") =>
        new() { Category = ActionCategory.Test, Owner = owner, Provider = "BatonLoadTest", Version = version };

    public static CreateCustomActionTypeRequest LoadTestDefinition(string version = "1") => new()
    {
        Category = ActionCategory.Test,
        Provider = "BatonLoadTest",
        Version = version,
        Settings = new ActionTypeSettings
        {
            EntityUrlTemplate = "https://loadtest.example/projects/{Config:Project}",
            ExecutionUrlTemplate = "https://loadtest.example/projects/{Config:Project}/runs/{ExternalExecutionId}",
            ThirdPartyConfigurationUrl = "https://loadtest.example/connect",
        },
        ConfigurationProperties =
        [
            new ActionConfigurationProperty { Name = "Project", Required = true, Key = true, Secret = false, Queryable = true },
            new ActionConfigurationProperty { Name = "ApiKey", Required = false, Key = false, Secret = true },
            new ActionConfigurationProperty { Name = "Target", Required = false, Key = false, Secret = false },
        ],
        InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
        OutputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
    };

    public static PipelineDeclaration SourceThenAction(
        string name,
        ActionTypeId actionType,
        string? executionMode = null,
        IReadOnlyDictionary<string, string>? configuration = null,
        string sourceKey = SourceKey) => new()
        {
            Name = name,
            RoleArn = RoleArn,
            ArtifactStore = new ArtifactStore { Type = "S3", Location = ArtifactBucket },
            ExecutionMode = executionMode,
            Stages =
        [
            new StageDeclaration
            {
                Name = "Source",
                Actions =
                [
                    new ActionDeclaration
                    {
                        Name = "Fetch",
                        ActionTypeId = new ActionTypeId { Category = ActionCategory.Source, Owner = ActionOwner.Aws, Provider = "S3", Version = "1" },
                        Configuration = new Dictionary<string, string> { ["S3Bucket"] = SourceBucket, ["S3ObjectKey"] = sourceKey, ["PollForSourceChanges"] = "false" },
                        OutputArtifacts = [new OutputArtifact { Name = "SourceOutput" }],
                        Namespace = "SourceVariables",
                    },
                ],
            },
            new StageDeclaration
            {
                Name = "Test",
                Actions =
                [
                    new ActionDeclaration
                    {
                        Name = "LoadTest",
                        ActionTypeId = actionType,
                        Configuration = configuration ?? new Dictionary<string, string> { ["Project"] = "shop", ["ApiKey"] = "s3cret", ["Target"] = "#{SourceVariables.ETag}" },
                        InputArtifacts = [new InputArtifact { Name = "SourceOutput" }],
                        OutputArtifacts = [new OutputArtifact { Name = "Report" }],
                        Namespace = "LoadTestVariables",
                    },
                ],
            },
        ],
        };

    public static PipelineDeclaration SourceThenApproval(string name, string? executionMode = null) => new()
    {
        Name = name,
        RoleArn = RoleArn,
        ArtifactStore = new ArtifactStore { Type = "S3", Location = ArtifactBucket },
        ExecutionMode = executionMode,
        Stages =
        [
            SourceThenAction(name, LoadTestType()).Stages[0],
            new StageDeclaration
            {
                Name = "Approve",
                Actions =
                [
                    new ActionDeclaration
                    {
                        Name = "Gate",
                        ActionTypeId = new ActionTypeId { Category = ActionCategory.Approval, Owner = ActionOwner.Aws, Provider = "Manual", Version = "1" },
                    },
                ],
            },
        ],
    };
}
