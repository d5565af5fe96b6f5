using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Validation;

/// <summary>Tests one scalar, string or collection count against a <see cref="ConstraintAttribute"/>.</summary>
internal static class ConstraintCheck
{
    /// <summary>The sentences of the constraints <paramref name="value"/> breaks, in max, min, pattern, enum order.</summary>
    /// <param name="c">The constraint.</param>
    /// <param name="kind">The kind of the value: strings and collections are measured, integers compared.</param>
    /// <param name="value">A string, an integer, or a collection's count as an integer, never null.</param>
    public static IEnumerable<string> Violations(ConstraintAttribute c, WireKind kind, object value)
    {
        var measure = Measure(kind, value);
        if (measure is { } m && c.HasMax && m > c.Max)
        {
            yield return ConstraintText.Max(c.Max, kind);
        }

        if (measure is { } n && c.HasMin && n < c.Min)
        {
            yield return ConstraintText.Min(c.Min, kind);
        }

        if (value is string text)
        {
            if (c.Pattern is not null && !ModelPatterns.IsWholeMatch(c.Pattern, text))
            {
                yield return ConstraintText.Pattern(c.Pattern);
            }

            if (c.Enum is not null && Array.IndexOf(c.Enum, text) < 0)
            {
                yield return ConstraintText.Enum(c.Enum);
            }
        }
    }

    /// <summary>Whether <paramref name="value"/> satisfies every part of the constraint.</summary>
    public static bool Satisfies(ConstraintAttribute c, WireKind kind, object value) => !Violations(c, kind, value).Any();

    private static long? Measure(WireKind kind, object value) => (kind, value) switch
    {
        // Java's String.length(), like .NET's, counts UTF-16 code units.
        (WireKind.String, string s) => s.Length,
        (WireKind.Integer, IConvertible number) => number.ToInt64(System.Globalization.CultureInfo.InvariantCulture),
        (WireKind.List or WireKind.Map, int count) => count,
        _ => null,
    };
}
