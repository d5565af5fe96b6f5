using System.IO.Compression;
using System.Text;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>Action types and pipelines of the end-to-end tests: an S3 source followed by job actions.</summary>
internal static class E2ePipelines
{
    public const string SourceKey = "app.zip";
    public const string SourceArtifact = "SourceOutput";
    public const string RoleArn = "arn:aws:iam::123456789012:role/e2e";
    public const string Project = "shop";

    public static ActionTypeId TypeId(string provider, string owner = ActionOwner.Custom, string category = ActionCategory.Test) =>
        new() { Category = category, Owner = owner, Provider = provider, Version = "1" };

    /// <summary>The Details link of an action of these types: <c>https://runs.example/shop/&lt;externalExecutionId&gt;</c>.</summary>
    public static string ExecutionUrl(string externalExecutionId) => $"https://runs.example/{Project}/{externalExecutionId}";

    public static CreateCustomActionTypeRequest Definition(string provider, string category = ActionCategory.Test, int outputs = 1) => new()
    {
        Category = category,
        Provider = provider,
        Version = "1",
        Settings = new ActionTypeSettings
        {
            EntityUrlTemplate = "https://runs.example/{Config:Project}",
            ExecutionUrlTemplate = "https://runs.example/{Config:Project}/{ExternalExecutionId}",
            ThirdPartyConfigurationUrl = "https://runs.example/connect",
        },
        ConfigurationProperties =
        [
            new ActionConfigurationProperty { Name = "Project", Required = true, Key = true, Secret = false, Queryable = true },
        ],
        InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
        OutputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = outputs },
    };

    /// <summary>One job action of a pipeline: its name, type, and artifact names.</summary>
    public sealed record JobAction(string Name, ActionTypeId Type, string? Input = SourceArtifact, string? Output = null);

    /// <summary>An S3 source stage, then one stage per job action, in order.</summary>
    public static PipelineDeclaration SourceThen(string name, IEnumerable<JobAction> actions, string? executionMode = null) => new()
    {
        Name = name,
        RoleArn = RoleArn,
        ArtifactStore = new ArtifactStore { Type = "S3", Location = E2eEmulator.ArtifactBucket },
        ExecutionMode = executionMode,
        PipelineType = executionMode is null ? null : PipelineType.V2,
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
                        Configuration = new Dictionary<string, string> { ["S3Bucket"] = E2eEmulator.SourceBucket, ["S3ObjectKey"] = SourceKey, ["PollForSourceChanges"] = "false" },
                        OutputArtifacts = [new OutputArtifact { Name = SourceArtifact }],
                    },
                ],
            },
            .. actions.Select(action => new StageDeclaration
            {
                Name = "Stage" + action.Name,
                Actions =
                [
                    new ActionDeclaration
                    {
                        Name = action.Name,
                        ActionTypeId = action.Type,
                        Configuration = new Dictionary<string, string> { ["Project"] = Project },
                        InputArtifacts = action.Input is null ? [] : [new InputArtifact { Name = action.Input }],
                        OutputArtifacts = action.Output is null ? [] : [new OutputArtifact { Name = action.Output }],
                    },
                ],
            }),
        ],
    };

    public static PipelineDeclaration SourceThen(string name, JobAction action, string? executionMode = null) => SourceThen(name, [action], executionMode);

    /// <summary>A ZIP in memory; entry names are written as given (so <c>../x</c> stays a traversal attempt).</summary>
    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entryName, content) in entries)
            {
                using var stream = archive.CreateEntry(entryName).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }
}
