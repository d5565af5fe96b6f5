using Baton.CodePipeline.Model;
using Baton.LoadTest.Handler;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// The demo pipeline: <c>Source</c> (AWS/S3, the sample source zip) → <c>LoadTest</c> (the
/// BatonLoadTest third-party action, given the source) → <c>Release</c> (a manual approval the
/// demo approves itself).
/// </summary>
internal static class DemoPipeline
{
    /// <summary>The bucket the sample source is uploaded to.</summary>
    public const string SourceBucket = "baton-demo-source";

    /// <summary>The sample source's key.</summary>
    public const string SourceKey = "demo-shop.zip";

    /// <summary>The pipeline's artifact bucket.</summary>
    public const string ArtifactBucket = "baton-demo-artifacts";

    /// <summary>The load-test stage.</summary>
    public const string LoadTestStage = "LoadTest";

    /// <summary>The load-test action.</summary>
    public const string LoadTestAction = "LoadTest";

    /// <summary>The approval stage.</summary>
    public const string ReleaseStage = "Release";

    /// <summary>The approval action.</summary>
    public const string ApprovalAction = "Approve";

    /// <summary>The declaration, with the load-test action configured as the user would in the console before connecting it.</summary>
    /// <param name="configuration">The load-test action's configuration.</param>
    public static PipelineDeclaration Declaration(IReadOnlyDictionary<string, string> configuration) => new()
    {
        Name = DemoScenario.PipelineName,
        RoleArn = "arn:aws:iam::123456789012:role/baton-demo",
        ArtifactStore = new ArtifactStore { Type = ArtifactStoreType.S3, Location = ArtifactBucket },
        Stages =
        [
            new StageDeclaration
            {
                Name = "Source",
                Actions =
                [
                    new ActionDeclaration
                    {
                        Name = "Source",
                        ActionTypeId = new ActionTypeId { Category = ActionCategory.Source, Owner = ActionOwner.Aws, Provider = "S3", Version = "1" },
                        Configuration = new Dictionary<string, string> { ["S3Bucket"] = SourceBucket, ["S3ObjectKey"] = SourceKey, ["PollForSourceChanges"] = "false" },
                        OutputArtifacts = [new OutputArtifact { Name = "SourceOutput" }],
                    },
                ],
            },
            new StageDeclaration
            {
                Name = LoadTestStage,
                Actions =
                [
                    new ActionDeclaration
                    {
                        Name = LoadTestAction,
                        ActionTypeId = LoadTestActionType.ThirdParty,
                        Configuration = configuration,
                        InputArtifacts = [new InputArtifact { Name = "SourceOutput" }],
                    },
                ],
            },
            new StageDeclaration
            {
                Name = ReleaseStage,
                Actions =
                [
                    new ActionDeclaration
                    {
                        Name = ApprovalAction,
                        ActionTypeId = new ActionTypeId { Category = ActionCategory.Approval, Owner = ActionOwner.Aws, Provider = "Manual", Version = "1" },
                        Configuration = new Dictionary<string, string> { ["CustomData"] = "The load test passed; approve the release of the demo shop." },
                    },
                ],
            },
        ],
    };
}
