using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Conformance;

/// <summary>
/// One walk of <see cref="ModelConformanceChecker"/> from a root shape: each structure is compared
/// once, its members in model order, following member, list member and map value targets.
/// </summary>
internal sealed class ConformanceWalk(ModelConformanceChecker checker)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly NullabilityInfoContext _nullability = new();

    public List<string> Mismatches { get; } = [];

    public void Structure(string shapeName, string reachedFrom)
    {
        if (!_visited.Add(shapeName))
        {
            return;
        }

        var shape = checker.Shapes.GetProperty(shapeName);
        var members = shape.TryGetProperty("members", out var m) ? m.EnumerateObject().ToList() : [];
        if (checker.RecordFor(shapeName) is not { } type)
        {
            Mismatches.Add($"{shapeName}: no record with [ModelShape(\"{shapeName}\")] (reached from {reachedFrom})");
            foreach (var member in members)
            {
                FollowTargets(member.Value.GetProperty("shape").GetString()!, $"{shapeName}.{member.Name}");
            }

            return;
        }

        var properties = WireProperties(type);
        var required = shape.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var member in members)
        {
            if (!properties.TryGetValue(member.Name, out var property))
            {
                Mismatches.Add($"{shapeName}.{member.Name}: missing from {type.Name} (no property with [JsonPropertyName(\"{member.Name}\")])");
                continue;
            }

            Member($"{shapeName}.{member.Name} ({type.Name}.{property.Name})", member.Value.GetProperty("shape").GetString()!, property, required.Contains(member.Name));
        }

        foreach (var (wireName, property) in properties.Where(p => !members.Exists(member => member.Name == p.Key)))
        {
            Mismatches.Add($"{shapeName}: {type.Name}.{property.Name} has wire name '{wireName}', which the model does not declare");
        }
    }

    private void Member(string label, string target, PropertyInfo property, bool modelRequired)
    {
        var recordRequired = property.IsDefined(typeof(RequiredMemberAttribute), inherit: false);
        if (modelRequired != recordRequired)
        {
            Mismatches.Add(modelRequired
                ? $"{label}: required differs: the model requires it, the record has no `required` modifier"
                : $"{label}: required differs: the model does not require it, the record has the `required` modifier");
        }

        var nullable = _nullability.Create(property).ReadState != NullabilityState.NotNull;
        if (nullable == modelRequired)
        {
            Mismatches.Add($"{label}: nullability differs: {(modelRequired ? "required members are non-nullable" : "optional members are nullable")}, the record's type is {property.PropertyType.Name}{(nullable ? "?" : string.Empty)}");
        }

        var targetShape = checker.Shapes.GetProperty(target);
        var modelSensitive = targetShape.TryGetProperty("sensitive", out var s) && s.GetBoolean();
        var recordSensitive = property.IsDefined(typeof(SensitiveAttribute), inherit: false)
            || (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).IsDefined(typeof(SensitiveAttribute), inherit: false);
        if (modelSensitive != recordSensitive)
        {
            Mismatches.Add($"{label}: sensitive differs: model {(modelSensitive ? "sensitive" : "not sensitive")}, record {(recordSensitive ? "[Sensitive]" : "not marked [Sensitive]")}");
        }

        var constraints = property.GetCustomAttributes<ConstraintAttribute>(inherit: false).ToList();
        foreach (var group in constraints.GroupBy(c => c.Target).Where(g => g.Count() > 1))
        {
            Mismatches.Add($"{label}: {group.Count()} [Constraint] attributes target {group.Key}; expected at most one");
        }

        if (Value(label, target, property.PropertyType))
        {
            Constraints(label, targetShape, constraints);
        }
    }

    /// <summary>Compares kinds and pairing; false when the kinds differ and deeper checks would only add noise.</summary>
    private bool Value(string label, string target, Type clrType)
    {
        var targetShape = checker.Shapes.GetProperty(target);
        var modelKind = targetShape.GetProperty("type").GetString()!;
        var recordKind = ClrShapeKind.Of(clrType);
        if (modelKind != recordKind)
        {
            Mismatches.Add($"{label}: type kind differs: model {modelKind} ({target}), record {recordKind} ({clrType.Name})");
            return false;
        }

        switch (modelKind)
        {
            case "structure":
                var claimed = ClrShapeKind.ModelShapeOf(clrType);
                if (claimed != target)
                {
                    Mismatches.Add($"{label}: structure pairing differs: model {target}, record {clrType.Name} claims [ModelShape(\"{claimed}\")]");
                }

                Structure(target, label);
                return true;
            case "list":
                return Value($"{label} list member", targetShape.GetProperty("member").GetProperty("shape").GetString()!, ClrShapeKind.ListElementType(clrType)!);
            case "map":
                if (ClrShapeKind.MapKeyType(clrType) != typeof(string))
                {
                    Mismatches.Add($"{label}: map key type differs: model string, record {ClrShapeKind.MapKeyType(clrType)?.Name}");
                }

                return Value($"{label} map value", targetShape.GetProperty("value").GetProperty("shape").GetString()!, ClrShapeKind.MapValueType(clrType)!);
            default:
                return true;
        }
    }

    private void Constraints(string label, JsonElement target, List<ConstraintAttribute> constraints)
    {
        ConstraintAttribute? At(ConstraintTarget level) => constraints.FirstOrDefault(c => c.Target == level);
        JsonElement? Inner(string name) => target.TryGetProperty(name, out var inner) ? checker.Shapes.GetProperty(inner.GetProperty("shape").GetString()!) : null;

        Mismatches.AddRange(ConstraintComparison.Compare(label, ConstraintTarget.Value, target, At(ConstraintTarget.Value)));
        Mismatches.AddRange(ConstraintComparison.Compare(label, ConstraintTarget.ListMember, Inner("member"), At(ConstraintTarget.ListMember)));
        Mismatches.AddRange(ConstraintComparison.Compare(label, ConstraintTarget.MapKey, Inner("key"), At(ConstraintTarget.MapKey)));
        Mismatches.AddRange(ConstraintComparison.Compare(label, ConstraintTarget.MapValue, Inner("value"), At(ConstraintTarget.MapValue)));
    }

    private void FollowTargets(string target, string reachedFrom)
    {
        var shape = checker.Shapes.GetProperty(target);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                Structure(target, reachedFrom);
                break;
            case "list":
                FollowTargets(shape.GetProperty("member").GetProperty("shape").GetString()!, reachedFrom);
                break;
            case "map":
                FollowTargets(shape.GetProperty("value").GetProperty("shape").GetString()!, reachedFrom);
                break;
            default:
                break;
        }
    }

    private Dictionary<string, PropertyInfo> WireProperties(Type type)
    {
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is not { } name || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }

            if (!properties.TryAdd(name.Name, property))
            {
                Mismatches.Add($"{type.Name}: wire name '{name.Name}' is used by both {properties[name.Name].Name} and {property.Name}");
            }
        }

        return properties;
    }
}
