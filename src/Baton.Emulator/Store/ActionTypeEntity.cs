using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.Emulator.Store;

/// <summary>A custom or third-party action type, with its deleted flag.</summary>
internal sealed class ActionTypeEntity : IStoredEntity
{
    public required ActionTypeId Id { get; set; }

    public ActionTypeSettings? Settings { get; set; }

    public List<ActionConfigurationProperty> ConfigurationProperties { get; set; } = [];

    public required ArtifactDetails InputArtifactDetails { get; set; }

    public required ArtifactDetails OutputArtifactDetails { get; set; }

    public List<Tag> Tags { get; set; } = [];

    public bool Deleted { get; set; }

    public DateTimeOffset Created { get; set; }

    [JsonIgnore]
    public string StoreKind => EntityKinds.ActionType;

    [JsonIgnore]
    public string StoreId => KeyOf(Id);

    /// <summary>The identity of an action type: owner, category, provider and version.</summary>
    public static string KeyOf(ActionTypeId id) => $"{id.Owner}/{id.Category}/{id.Provider}/{id.Version}";

    /// <summary>The description used in error messages, in the service's words.</summary>
    public static string Describe(ActionTypeId id) =>
        $"ActionType (Category: '{id.Category}', Provider: '{id.Provider}', Owner: '{id.Owner}', Version: '{id.Version}')";

    public ActionConfigurationProperty? Property(string name) =>
        ConfigurationProperties.FirstOrDefault(p => p.Name == name);

    [JsonIgnore]
    public ActionConfigurationProperty? QueryableProperty => ConfigurationProperties.FirstOrDefault(p => p.Queryable == true);

    public bool IsSecret(string name) => Property(name)?.Secret == true;
}
