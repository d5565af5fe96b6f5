using System.Collections.Concurrent;
using System.Reflection;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// The members of a wire record in declaration order (the generator writes them in model order),
/// computed once per type and cached for the life of the process.
/// </summary>
internal sealed class WireStructure
{
    private static readonly ConcurrentDictionary<Type, WireStructure> _cache = new();

    private WireStructure(Type type)
    {
        IsSensitive = type.IsDefined(typeof(SensitiveAttribute), inherit: false);
        Members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .OrderBy(p => p.MetadataToken)
            .Select(WireMember.TryCreate)
            .OfType<WireMember>()
            .ToArray();
    }

    /// <summary>The wire members, in declaration order.</summary>
    public IReadOnlyList<WireMember> Members { get; }

    /// <summary>Whether the whole structure is sensitive.</summary>
    public bool IsSensitive { get; }

    /// <summary>Returns the cached description of a record type.</summary>
    public static WireStructure For(Type type) => _cache.GetOrAdd(type, static t => new WireStructure(t));
}
