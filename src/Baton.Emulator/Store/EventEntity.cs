using System.Text.Json.Serialization;

namespace Baton.Emulator.Store;

/// <summary>One entry of a pipeline's timeline, for the console.</summary>
internal sealed class EventEntity : IStoredEntity
{
    public long Sequence { get; set; }

    public DateTimeOffset Time { get; set; }

    public required string PipelineName { get; set; }

    public string? PipelineExecutionId { get; set; }

    public string? StageName { get; set; }

    public string? ActionName { get; set; }

    public required string Type { get; set; }

    public required string Message { get; set; }

    [JsonIgnore]
    public string StoreKind => EntityKinds.Event;

    [JsonIgnore]
    public string StoreId => Sequence.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
}
