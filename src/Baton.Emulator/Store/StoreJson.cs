using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Baton.CodePipeline.Json;

namespace Baton.Emulator.Store;

/// <summary>The JSON settings for stored entities: wire records as on the wire, entities by reflection.</summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(CodePipelineJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(CodePipelineJson.Options.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        return options;
    }
}
