using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Conformance;

/// <summary>
/// Names a record property's CLR type in the model's type vocabulary (string, integer, boolean,
/// timestamp, list, map, structure...), independently of the validator's own classification, so a
/// mistake in one is caught by the other.
/// </summary>
public static class ClrShapeKind
{
    public static string Of(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return "string";
        }

        if (t == typeof(int))
        {
            return "integer";
        }

        if (t == typeof(long))
        {
            return "long";
        }

        if (t == typeof(bool))
        {
            return "boolean";
        }

        if (t == typeof(DateTimeOffset))
        {
            return "timestamp";
        }

        if (t == typeof(double))
        {
            return "double";
        }

        if (t == typeof(float))
        {
            return "float";
        }

        if (t == typeof(byte[]) || typeof(Stream).IsAssignableFrom(t))
        {
            return "blob";
        }

        if (MapValueType(t) is not null)
        {
            return "map";
        }

        if (ListElementType(t) is not null)
        {
            return "list";
        }

        return t.IsDefined(typeof(ModelShapeAttribute), inherit: false) ? "structure" : $"unmapped CLR type {t.Name}";
    }

    /// <summary>The element type of an <see cref="IReadOnlyList{T}"/> (or any list-like sequence), else null.</summary>
    public static Type? ListElementType(Type type) =>
        type == typeof(string) ? null : Generic(type, typeof(IReadOnlyList<>)) ?? Generic(type, typeof(IEnumerable<>));

    /// <summary>The value type of an <see cref="IReadOnlyDictionary{TKey, TValue}"/> keyed by string, else null.</summary>
    public static Type? MapValueType(Type type)
    {
        var map = Find(type, typeof(IReadOnlyDictionary<,>)) ?? Find(type, typeof(IDictionary<,>));
        return map is null ? null : map.GetGenericArguments()[1];
    }

    /// <summary>The key type of a map, else null.</summary>
    public static Type? MapKeyType(Type type) =>
        (Find(type, typeof(IReadOnlyDictionary<,>)) ?? Find(type, typeof(IDictionary<,>)))?.GetGenericArguments()[0];

    /// <summary>The model shape name a record claims, or null.</summary>
    public static string? ModelShapeOf(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type).GetCustomAttributes(typeof(ModelShapeAttribute), inherit: false)
            .Cast<ModelShapeAttribute>().SingleOrDefault()?.Name;

    private static Type? Generic(Type type, Type definition) => Find(type, definition)?.GetGenericArguments()[0];

    private static Type? Find(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
}
