using System.Globalization;
using System.Text.Json;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Conformance;

/// <summary>
/// Compares the model's min/max/pattern/enum of one shape with a record's [Constraint] for one
/// level (the value, each list member, each map key, each map value).
/// </summary>
public static class ConstraintComparison
{
    public static IEnumerable<string> Compare(string label, ConstraintTarget level, JsonElement? shape, ConstraintAttribute? actual)
    {
        var expectedMin = Number(shape, "min");
        var expectedMax = Number(shape, "max");
        var expectedPattern = shape is { } s && s.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        var expectedEnum = shape is { } e && e.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Select(v => v.GetString()!).ToArray()
            : null;

        long? actualMin = actual is { HasMin: true } ? actual.Min : null;
        long? actualMax = actual is { HasMax: true } ? actual.Max : null;

        if (expectedMin != actualMin)
        {
            yield return $"{label}: min differs at {level}: model {Show(expectedMin)}, record {Show(actualMin)}";
        }

        if (expectedMax != actualMax)
        {
            yield return $"{label}: max differs at {level}: model {Show(expectedMax)}, record {Show(actualMax)}";
        }

        if (!string.Equals(expectedPattern, actual?.Pattern, StringComparison.Ordinal))
        {
            yield return $"{label}: pattern differs at {level}: model {Show(expectedPattern)}, record {Show(actual?.Pattern)}";
        }

        if (!SameEnum(expectedEnum, actual?.Enum))
        {
            yield return $"{label}: enum differs at {level}: model {Show(expectedEnum)}, record {Show(actual?.Enum)}";
        }
    }

    private static long? Number(JsonElement? shape, string name) =>
        shape is { } s && s.TryGetProperty(name, out var n) ? n.GetInt64() : null;

    private static bool SameEnum(string[]? expected, string[]? actual) =>
        expected is null || actual is null ? expected is null && actual is null : expected.SequenceEqual(actual, StringComparer.Ordinal);

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";

    private static string Show(string? value) => value is null ? "(none)" : $"'{value}'";

    private static string Show(string[]? values) => values is null ? "(none)" : "[" + string.Join(", ", values) + "]";
}
