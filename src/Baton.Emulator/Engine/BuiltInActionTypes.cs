using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

/// <summary>The AWS-owned action types the emulator runs itself: the S3 source and the manual approval.</summary>
internal static class BuiltInActionTypes
{
    public static ActionTypeEntity S3Source { get; } = new()
    {
        Id = new ActionTypeId { Category = ActionCategory.Source, Owner = ActionOwner.Aws, Provider = "S3", Version = "1" },
        InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 0 },
        OutputArtifactDetails = new ArtifactDetails { MinimumCount = 1, MaximumCount = 1 },
        ConfigurationProperties =
        [
            Property("S3Bucket", required: true),
            Property("S3ObjectKey", required: true),
            Property("PollForSourceChanges", required: false),
            Property("AllowOverrideForS3ObjectKey", required: false),
        ],
    };

    public static ActionTypeEntity ManualApproval { get; } = new()
    {
        Id = new ActionTypeId { Category = ActionCategory.Approval, Owner = ActionOwner.Aws, Provider = "Manual", Version = "1" },
        InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 0 },
        OutputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 0 },
        ConfigurationProperties =
        [
            Property("CustomData", required: false),
            Property("ExternalEntityLink", required: false),
            Property("NotificationArn", required: false),
        ],
    };

    public static IReadOnlyList<ActionTypeEntity> All { get; } = [S3Source, ManualApproval];

    /// <summary>Finds the built-in type an AWS-owned action declares, or null.</summary>
    public static ActionTypeEntity? Find(ActionTypeId id) =>
        All.FirstOrDefault(t => ActionTypeEntity.KeyOf(t.Id) == ActionTypeEntity.KeyOf(id));

    public static bool IsS3Source(ActionTypeId id) => ActionTypeEntity.KeyOf(id) == ActionTypeEntity.KeyOf(S3Source.Id);

    public static bool IsManualApproval(ActionTypeId id) => ActionTypeEntity.KeyOf(id) == ActionTypeEntity.KeyOf(ManualApproval.Id);

    private static ActionConfigurationProperty Property(string name, bool required) =>
        new() { Name = name, Required = required, Key = required, Secret = false };
}
