using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// How the validator sees one CLR type: its <see cref="WireKind"/>, the element type of a list,
/// the value type of a map, and whether the type itself is marked <see cref="SensitiveAttribute"/>.
/// </summary>
internal sealed class WireValueType
{
    private WireValueType(Type clrType, WireKind kind, WireValueType? element)
    {
        ClrType = clrType;
        Kind = kind;
        Element = element;
        IsSensitive = clrType.IsDefined(typeof(SensitiveAttribute), inherit: false);
    }

    /// <summary>The CLR type with any <see cref="Nullable{T}"/> removed.</summary>
    public Type ClrType { get; }

    /// <summary>The model kind.</summary>
    public WireKind Kind { get; }

    /// <summary>A list's element type or a map's value type; <see langword="null"/> otherwise.</summary>
    public WireValueType? Element { get; }

    /// <summary>Whether the type is marked sensitive (a sensitive structure such as <c>AWSSessionCredentials</c>).</summary>
    public bool IsSensitive { get; }

    /// <summary>Classifies a CLR type. Structures are not expanded here; see <see cref="WireStructure.For"/>.</summary>
    public static WireValueType Of(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return new WireValueType(t, WireKind.String, null);
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte))
        {
            return new WireValueType(t, WireKind.Integer, null);
        }

        if (t == typeof(bool))
        {
            return new WireValueType(t, WireKind.Boolean, null);
        }

        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            return new WireValueType(t, WireKind.Timestamp, null);
        }

        if (t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(byte[]))
        {
            return new WireValueType(t, WireKind.Other, null);
        }

        if ((FindGeneric(t, typeof(IReadOnlyDictionary<,>)) ?? FindGeneric(t, typeof(IDictionary<,>))) is { } map)
        {
            return new WireValueType(t, WireKind.Map, Of(map.GetGenericArguments()[1]));
        }

        if (FindGeneric(t, typeof(IEnumerable<>)) is { } list)
        {
            return new WireValueType(t, WireKind.List, Of(list.GetGenericArguments()[0]));
        }

        return new WireValueType(t, t.IsClass ? WireKind.Structure : WireKind.Other, null);
    }

    private static Type? FindGeneric(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
        {
            return type;
        }

        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
    }
}
