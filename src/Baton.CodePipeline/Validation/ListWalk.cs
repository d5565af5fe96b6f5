using System.Globalization;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// Validates a list member: its count, then its elements. Element constraints give one error for
/// the whole list in the service's bracketed form
/// (<c>Value '[a, b]' at 'x' failed to satisfy constraint: Member must satisfy constraint: [...]</c>);
/// structure elements are walked at <c>x.N.member.</c> (1-based).
/// </summary>
internal static class ListWalk
{
    /// <summary>Validates one non-null list.</summary>
    public static void Walk(ValidationWalk walk, WireMember member, List<object?> items, string path, bool sensitive)
    {
        var element = member.Type.Element!;
        var shown = Render(items, element.Kind, sensitive);
        if (member.Value is { } count)
        {
            foreach (var violation in ConstraintCheck.Violations(count, WireKind.List, items.Count))
            {
                walk.Add(new ValidationError(path, shown, violation, shown is null));
            }
        }

        if (member.ListMember is { } each
            && items.Exists(item => item is not null && !ConstraintCheck.Satisfies(each, element.Kind, item)))
        {
            walk.Add(new ValidationError(path, shown, ConstraintText.ListMember(each, element.Kind), shown is null));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var elementPath = path + "." + (i + 1).ToString(CultureInfo.InvariantCulture) + ".member";
            if (items[i] is null)
            {
                walk.Add(new ValidationError(elementPath, null, ConstraintText.NotNull));
            }
            else if (element.Kind == WireKind.Structure)
            {
                walk.Structure(items[i]!, elementPath + ".", sensitive || element.IsSensitive);
            }
        }
    }

    /// <summary>
    /// <c>[a, b, c]</c> like Java's <c>List.toString()</c> for lists of scalars; <see langword="null"/>
    /// (withheld) for sensitive lists and lists of structures, which would only dump object names.
    /// </summary>
    private static string? Render(List<object?> items, WireKind elementKind, bool sensitive)
    {
        if (sensitive || elementKind is not (WireKind.String or WireKind.Integer or WireKind.Boolean))
        {
            return null;
        }

        return "[" + string.Join(", ", items.Select(item => item is null ? "null" : ValidationWalk.Render(item))) + "]";
    }
}
