using System.Globalization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// The constraint sentences of AWS's validation messages, word for word. Strings and collections
/// say "length", numbers say "value"; several constraints are listed as max, min, pattern, enum —
/// the order the service prints them in its bracketed lists.
/// </summary>
internal static class ConstraintText
{
    /// <summary>A required member is missing.</summary>
    public const string NotNull = "Member must not be null";

    /// <summary>The bracketed form for list elements: <c>Member must satisfy constraint: [...]</c>.</summary>
    public static string ListMember(ConstraintAttribute c, WireKind kind) =>
        "Member must satisfy constraint: [" + string.Join(", ", All(c, kind)) + "]";

    /// <summary>The bracketed form for map keys: <c>Map keys must satisfy constraint: [...]</c>.</summary>
    public static string MapKey(ConstraintAttribute c, WireKind kind) =>
        "Map keys must satisfy constraint: [" + string.Join(", ", All(c, kind)) + "]";

    /// <summary>The bracketed form for map values: <c>Map value must satisfy constraint: [...]</c>.</summary>
    public static string MapValue(ConstraintAttribute c, WireKind kind) =>
        "Map value must satisfy constraint: [" + string.Join(", ", All(c, kind)) + "]";

    /// <summary>Every sentence the constraint states, whether or not a value breaks it.</summary>
    public static IEnumerable<string> All(ConstraintAttribute c, WireKind kind)
    {
        if (c.HasMax)
        {
            yield return Max(c.Max, kind);
        }

        if (c.HasMin)
        {
            yield return Min(c.Min, kind);
        }

        if (c.Pattern is not null)
        {
            yield return Pattern(c.Pattern);
        }

        if (c.Enum is not null)
        {
            yield return Enum(c.Enum);
        }
    }

    /// <summary>An upper bound on a length, count or value.</summary>
    public static string Max(long max, WireKind kind) =>
        $"Member must have {Noun(kind)} less than or equal to {max.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A lower bound on a length, count or value.</summary>
    public static string Min(long min, WireKind kind) =>
        $"Member must have {Noun(kind)} greater than or equal to {min.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A pattern the whole string must match, quoted as the model writes it.</summary>
    public static string Pattern(string pattern) => "Member must satisfy regular expression pattern: " + pattern;

    /// <summary>The allowed values, in model order.</summary>
    public static string Enum(IEnumerable<string> values) => "Member must satisfy enum value set: [" + string.Join(", ", values) + "]";

    private static string Noun(WireKind kind) => kind == WireKind.Integer ? "value" : "length";
}
