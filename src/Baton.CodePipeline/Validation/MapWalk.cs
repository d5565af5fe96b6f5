using System.Collections;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// Validates a map member. The service never echoes a map (<c>Value at 'x'</c>); key and value
/// constraints give one error each for the whole map
/// (<c>Map keys must satisfy constraint: [...]</c>, <c>Map value must satisfy constraint: [...]</c>);
/// structure values are walked at <c>x.KEY.member.</c>.
/// </summary>
internal static class MapWalk
{
    /// <summary>Validates one non-null map.</summary>
    public static void Walk(ValidationWalk walk, WireMember member, List<KeyValuePair<string, object?>> entries, string path, bool sensitive)
    {
        var valueType = member.Type.Element!;
        if (member.Value is { } count)
        {
            foreach (var violation in ConstraintCheck.Violations(count, WireKind.Map, entries.Count))
            {
                walk.Add(new ValidationError(path, null, violation, IsValueWithheld: true));
            }
        }

        if (member.MapKey is { } keys && entries.Exists(e => !ConstraintCheck.Satisfies(keys, WireKind.String, e.Key)))
        {
            walk.Add(new ValidationError(path, null, ConstraintText.MapKey(keys, WireKind.String), IsValueWithheld: true));
        }

        if (member.MapValue is { } values
            && entries.Exists(e => e.Value is not null && !ConstraintCheck.Satisfies(values, valueType.Kind, e.Value)))
        {
            walk.Add(new ValidationError(path, null, ConstraintText.MapValue(values, valueType.Kind), IsValueWithheld: true));
        }

        foreach (var (key, value) in entries)
        {
            var entryPath = path + "." + key + ".member";
            if (value is null)
            {
                walk.Add(new ValidationError(entryPath, null, ConstraintText.NotNull));
            }
            else if (valueType.Kind == WireKind.Structure)
            {
                walk.Structure(value, entryPath + ".", sensitive || valueType.IsSensitive);
            }
        }
    }

    /// <summary>Reads a map's entries in enumeration order (the order they arrived on the wire).</summary>
    public static List<KeyValuePair<string, object?>> Entries(object map)
    {
        var entries = new List<KeyValuePair<string, object?>>();
        if (map is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                entries.Add(new(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
            }

            return entries;
        }

        foreach (var pair in (IEnumerable)map)
        {
            var type = pair!.GetType();
            var key = type.GetProperty("Key")!.GetValue(pair);
            entries.Add(new(Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, type.GetProperty("Value")!.GetValue(pair)));
        }

        return entries;
    }
}
