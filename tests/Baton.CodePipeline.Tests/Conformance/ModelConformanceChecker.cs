using System.Text.Json;

namespace Baton.CodePipeline.Tests.Conformance;

/// <summary>
/// Walks the service model from a root structure and compares every reached structure with the
/// record that claims it through [ModelShape]: member names, the <c>required</c> modifier and
/// nullability, type kinds (with list element and map value pairing), constraints at every level
/// and the sensitive flag. Returns one human-readable line per mismatch.
/// </summary>
public sealed class ModelConformanceChecker
{
    private readonly Dictionary<string, Type> _records = new(StringComparer.Ordinal);
    private readonly List<string> _duplicates = [];

    public ModelConformanceChecker(JsonDocument model, IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(model);
        Shapes = model.RootElement.GetProperty("shapes");
        foreach (var type in types)
        {
            if (ClrShapeKind.ModelShapeOf(type) is not { } name || typeof(Exception).IsAssignableFrom(type))
            {
                continue;
            }

            if (!_records.TryAdd(name, type))
            {
                _duplicates.Add($"{name}: claimed by both {_records[name].FullName} and {type.FullName}");
            }
        }
    }

    /// <summary>The model's shapes object.</summary>
    public JsonElement Shapes { get; }

    /// <summary>The record that claims a shape, if any.</summary>
    public Type? RecordFor(string shapeName) => _records.GetValueOrDefault(shapeName);

    /// <summary>The structure shapes reachable from a root through members, list members and map values.</summary>
    public IReadOnlySet<string> ReachableStructures(string rootShape)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([rootShape]);
        while (pending.TryPop(out var name))
        {
            var shape = Shapes.GetProperty(name);
            switch (shape.GetProperty("type").GetString())
            {
                case "structure" when reached.Add(name):
                    foreach (var member in shape.TryGetProperty("members", out var m) ? m.EnumerateObject() : default)
                    {
                        pending.Push(member.Value.GetProperty("shape").GetString()!);
                    }

                    break;
                case "list":
                    pending.Push(shape.GetProperty("member").GetProperty("shape").GetString()!);
                    break;
                case "map":
                    pending.Push(shape.GetProperty("value").GetProperty("shape").GetString()!);
                    break;
                default:
                    break;
            }
        }

        return reached;
    }

    public IReadOnlyList<string> Check(string rootShape)
    {
        var walk = new ConformanceWalk(this);
        walk.Structure(rootShape, "the root");
        return [.. _duplicates, .. walk.Mismatches];
    }
}
