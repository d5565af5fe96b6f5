using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.CodePipeline.Tests.Fuzzing;

/// <summary>
/// Equality of two JSON values as the wire means them: members in any order, numbers by value
/// (an epoch timestamp written as 1500000000 or 1500000000.0 is the same instant).
/// </summary>
internal static class JsonSemantics
{
    public static bool AreEqual(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (null, null) => true,
        (JsonObject a, JsonObject b) => a.Count == b.Count && a.All(p => b.TryGetPropertyValue(p.Key, out var other) && AreEqual(p.Value, other)),
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Zip(b).All(p => AreEqual(p.First, p.Second)),
        (JsonValue a, JsonValue b) when a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number =>
            Number(a) == Number(b),
        (JsonValue a, JsonValue b) => a.ToJsonString() == b.ToJsonString(),
        _ => false,
    };

    private static decimal Number(JsonValue value) => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
