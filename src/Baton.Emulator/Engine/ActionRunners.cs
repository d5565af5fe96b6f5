namespace Baton.Emulator.Engine;

/// <summary>How the engine runs an action, decided from its action type.</summary>
internal static class ActionRunners
{
    /// <summary>The AWS S3 source: the engine copies the object itself.</summary>
    public const string S3Source = "S3Source";

    /// <summary>The AWS manual approval: waits for PutApprovalResult.</summary>
    public const string Approval = "Approval";

    /// <summary>A custom action: jobs for PollForJobs.</summary>
    public const string Custom = "Custom";

    /// <summary>A third-party action: jobs for PollForThirdPartyJobs.</summary>
    public const string ThirdParty = "ThirdParty";
}
