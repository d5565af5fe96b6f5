using System.Text.Json;

namespace Baton.WireGen;

/// <summary>One member of a structure shape, in model order.</summary>
internal sealed record ShapeMember(string Name, string Target, string? Documentation, bool Sensitive);

/// <summary>
/// One shape of the service model with the traits the generator uses. Anything else in the
/// model (for example <c>box</c> or <c>idempotencyToken</c>) does not change the wire records.
/// </summary>
internal sealed record Shape(
    string Name,
    string Type,
    string? Documentation,
    long? Min,
    long? Max,
    string? Pattern,
    IReadOnlyList<string>? Enum,
    bool Sensitive,
    bool IsException,
    IReadOnlyList<ShapeMember> Members,
    IReadOnlySet<string> Required,
    string? ListMember,
    string? MapKey,
    string? MapValue)
{
    /// <summary>Whether the shape states any constraint the records carry.</summary>
    public bool HasConstraints => Min is not null || Max is not null || Pattern is not null || Enum is not null;
}

/// <summary>One operation of the service model.</summary>
internal sealed record Operation(string Name, string? Input, string? Output, IReadOnlyList<string> Errors, string? Documentation);

/// <summary>The parts of a botocore-style <c>service-2.json</c> model that the generator reads.</summary>
internal sealed class ServiceModel(IReadOnlyDictionary<string, Shape> shapes, IReadOnlyDictionary<string, Operation> operations)
{
    public IReadOnlyDictionary<string, Shape> Shapes { get; } = shapes;

    public IReadOnlyDictionary<string, Operation> Operations { get; } = operations;

    public Shape Shape(string name) =>
        Shapes.TryGetValue(name, out var shape)
            ? shape
            : throw new GeneratorException($"The model refers to shape '{name}', which it does not define.");

    public Operation Operation(string name) =>
        Operations.TryGetValue(name, out var operation)
            ? operation
            : throw new GeneratorException($"Operation '{name}' is not in the model; check the operation list in Operations.cs.");

    public static ServiceModel Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var property in Required(root, "shapes", path).EnumerateObject())
        {
            shapes.Add(property.Name, ReadShape(property.Name, property.Value));
        }

        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var property in Required(root, "operations", path).EnumerateObject())
        {
            operations.Add(property.Name, ReadOperation(property.Name, property.Value));
        }

        return new ServiceModel(shapes, operations);
    }

    private static Shape ReadShape(string name, JsonElement shape)
    {
        var members = new List<ShapeMember>();
        if (shape.TryGetProperty("members", out var memberList))
        {
            foreach (var member in memberList.EnumerateObject())
            {
                members.Add(new ShapeMember(
                    member.Name,
                    Required(member.Value, "shape", $"{name}.{member.Name}").GetString()!,
                    OptionalString(member.Value, "documentation"),
                    OptionalBool(member.Value, "sensitive")));
            }
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (shape.TryGetProperty("required", out var requiredList))
        {
            foreach (var item in requiredList.EnumerateArray())
            {
                required.Add(item.GetString()!);
            }
        }

        return new Shape(
            name,
            Required(shape, "type", name).GetString()!,
            OptionalString(shape, "documentation"),
            OptionalLong(shape, "min", name),
            OptionalLong(shape, "max", name),
            OptionalString(shape, "pattern"),
            shape.TryGetProperty("enum", out var values) ? [.. values.EnumerateArray().Select(v => v.GetString()!)] : null,
            OptionalBool(shape, "sensitive"),
            OptionalBool(shape, "exception"),
            members,
            required,
            TargetOf(shape, "member"),
            TargetOf(shape, "key"),
            TargetOf(shape, "value"));
    }

    private static Operation ReadOperation(string name, JsonElement operation)
    {
        var errors = operation.TryGetProperty("errors", out var errorList)
            ? errorList.EnumerateArray().Select(e => Required(e, "shape", name).GetString()!).ToList()
            : [];
        return new Operation(name, TargetOf(operation, "input"), TargetOf(operation, "output"), errors, OptionalString(operation, "documentation"));
    }

    private static string? TargetOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var reference) ? Required(reference, "shape", name).GetString() : null;

    private static JsonElement Required(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value)
            ? value
            : throw new GeneratorException($"'{where}' has no '{name}' in the model; is this a service-2.json file?");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static bool OptionalBool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.GetBoolean();

    private static long? OptionalLong(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.TryGetInt64(out var number)
            ? number
            : throw new GeneratorException($"Shape '{where}' has a non-integral '{name}' ({value.GetRawText()}), which ConstraintAttribute cannot carry.");
    }
}
