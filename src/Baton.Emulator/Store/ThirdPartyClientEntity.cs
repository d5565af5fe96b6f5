using System.Text.Json.Serialization;

namespace Baton.Emulator.Store;

/// <summary>
/// The client id and client token of one pipeline action that uses a third-party action type.
/// The token is a secret: it is never logged.
/// </summary>
internal sealed class ThirdPartyClientEntity : IStoredEntity
{
    public required string ClientId { get; set; }

    public required string ClientToken { get; set; }

    public required string PipelineName { get; set; }

    public required string StageName { get; set; }

    public required string ActionName { get; set; }

    public required string ActionTypeKey { get; set; }

    public DateTimeOffset Created { get; set; }

    [JsonIgnore]
    public string StoreKind => EntityKinds.ThirdPartyClient;

    [JsonIgnore]
    public string StoreId => ClientId;
}
