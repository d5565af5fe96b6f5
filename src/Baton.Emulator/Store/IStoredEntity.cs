namespace Baton.Emulator.Store;

/// <summary>An entity of the emulator's state that the store persists as one document.</summary>
internal interface IStoredEntity
{
    /// <summary>The entity kind, one of <see cref="EntityKinds"/>; the store's table partition.</summary>
    string StoreKind { get; }

    /// <summary>The entity's key, unique within its kind.</summary>
    string StoreId { get; }
}

/// <summary>The kinds of stored entities.</summary>
internal static class EntityKinds
{
    public const string ActionType = "action-type";
    public const string Pipeline = "pipeline";
    public const string Execution = "execution";
    public const string ActionExecution = "action-execution";
    public const string Job = "job";
    public const string ThirdPartyClient = "third-party-client";
    public const string Event = "event";
}
