using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.Emulator.Store;

/// <summary>A pipeline: every version of its declaration, with metadata and tags.</summary>
internal sealed class PipelineEntity : IStoredEntity
{
    public required string Name { get; set; }

    public int Version { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Updated { get; set; }

    /// <summary>Each version's declaration, secrets unmasked.</summary>
    public Dictionary<int, PipelineDeclaration> Versions { get; set; } = [];

    public List<Tag> Tags { get; set; } = [];

    [JsonIgnore]
    public string StoreKind => EntityKinds.Pipeline;

    [JsonIgnore]
    public string StoreId => Name;

    [JsonIgnore]
    public PipelineDeclaration Current => Versions[Version];
}
