using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// One member of a wire record as the validator needs it: the wire name, whether the model
/// requires it, whether it is sensitive, its value type and its constraints per level.
/// </summary>
internal sealed class WireMember
{
    private readonly PropertyInfo _property;

    private WireMember(PropertyInfo property, string wireName)
    {
        _property = property;
        WireName = wireName;
        Type = WireValueType.Of(property.PropertyType);
        IsRequired = property.IsDefined(typeof(RequiredMemberAttribute), inherit: false);
        IsSensitive = property.IsDefined(typeof(SensitiveAttribute), inherit: false) || Type.IsSensitive
            || Type.Element?.IsSensitive == true;
        foreach (var constraint in property.GetCustomAttributes<ConstraintAttribute>(inherit: false))
        {
            switch (constraint.Target)
            {
                case ConstraintTarget.Value:
                    Value = constraint;
                    break;
                case ConstraintTarget.ListMember:
                    ListMember = constraint;
                    break;
                case ConstraintTarget.MapKey:
                    MapKey = constraint;
                    break;
                case ConstraintTarget.MapValue:
                    MapValue = constraint;
                    break;
                default:
                    throw new InvalidOperationException(
                        $"{property.DeclaringType?.Name}.{property.Name} has a [Constraint] with unknown target {constraint.Target}.");
            }
        }
    }

    /// <summary>The member name on the wire (the <see cref="JsonPropertyNameAttribute"/>).</summary>
    public string WireName { get; }

    /// <summary>The member's value type.</summary>
    public WireValueType Type { get; }

    /// <summary>Whether the model requires the member (the C# <c>required</c> modifier).</summary>
    public bool IsRequired { get; }

    /// <summary>Whether the value must never be echoed.</summary>
    public bool IsSensitive { get; }

    /// <summary>The constraint on the value itself: a string's length, a collection's count, a number's value.</summary>
    public ConstraintAttribute? Value { get; }

    /// <summary>The constraint on each list element.</summary>
    public ConstraintAttribute? ListMember { get; }

    /// <summary>The constraint on each map key.</summary>
    public ConstraintAttribute? MapKey { get; }

    /// <summary>The constraint on each map value.</summary>
    public ConstraintAttribute? MapValue { get; }

    /// <summary>Reads the member from a record instance.</summary>
    public object? GetValue(object record) => _property.GetValue(record);

    /// <summary>Describes a property, or returns <see langword="null"/> when it is not on the wire.</summary>
    public static WireMember? TryCreate(PropertyInfo property)
    {
        if (property.GetIndexParameters().Length != 0 || property.GetMethod is not { IsPublic: true }
            || property.IsDefined(typeof(JsonIgnoreAttribute), inherit: false))
        {
            return null;
        }

        var name = property.GetCustomAttribute<JsonPropertyNameAttribute>(inherit: false)?.Name;
        return name is null ? null : new WireMember(property, name);
    }
}
