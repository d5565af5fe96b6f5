namespace Baton.WireGen;

/// <summary>
/// What to generate for a set of operations: the closure of shapes they reach, split into records,
/// enum classes and error classes, and the C# name of every one of them.
/// </summary>
/// <remarks>
/// Naming rules (documented here because the records are a contract):
/// <list type="bullet">
/// <item>A record is named after its shape, except an operation's input and output shapes, which
/// become <c>&lt;Operation&gt;Request</c> and <c>&lt;Operation&gt;Response</c>.</item>
/// <item>An enum class is named after its string shape; if a record already has that name the
/// class gets the suffix <c>Values</c>.</item>
/// <item>Error shapes become exception classes named after the shape.</item>
/// <item>Any remaining clash between generated type names stops the generator.</item>
/// </list>
/// </remarks>
internal sealed class WirePlan
{
    private readonly Dictionary<string, string> _recordNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enumNames = new(StringComparer.Ordinal);

    private WirePlan(ServiceModel model, IReadOnlyList<Operation> operations)
    {
        Model = model;
        Operations = operations;
    }

    public ServiceModel Model { get; }

    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>Every shape the operations reach, by name.</summary>
    public IReadOnlyList<Shape> Closure { get; private set; } = [];

    /// <summary>Structure shapes that become records, ordered by record name.</summary>
    public IReadOnlyList<Shape> Records { get; private set; } = [];

    /// <summary>String shapes with an <c>enum</c>, ordered by class name.</summary>
    public IReadOnlyList<Shape> Enums { get; private set; } = [];

    /// <summary>Structure shapes marked <c>exception</c>, ordered by name.</summary>
    public IReadOnlyList<Shape> Errors { get; private set; } = [];

    public static WirePlan Create(ServiceModel model, IReadOnlyList<string> operationNames)
    {
        var plan = new WirePlan(model, [.. operationNames.Select(model.Operation)]);
        plan.Build();
        return plan;
    }

    public string RecordName(string shapeName) =>
        _recordNames.TryGetValue(shapeName, out var name)
            ? name
            : throw new GeneratorException($"Shape '{shapeName}' is not a record of the generated closure.");

    public string EnumClassName(Shape shape) => _enumNames[shape.Name];

    /// <summary>The C# type of a value of the shape, without nullability.</summary>
    public string TypeOf(string shapeName)
    {
        var shape = Model.Shape(shapeName);
        return shape.Type switch
        {
            "string" => "string",
            "integer" => "int",
            "boolean" => "bool",
            "timestamp" => "DateTimeOffset",
            "list" => $"IReadOnlyList<{TypeOf(shape.ListMember!)}>",
            "map" when Model.Shape(shape.MapKey!).Type == "string" => $"IReadOnlyDictionary<string, {TypeOf(shape.MapValue!)}>",
            "map" => throw new GeneratorException($"Map shape '{shape.Name}' has a non-string key; JSON objects only have string keys."),
            "structure" => RecordName(shape.Name),
            _ => throw new GeneratorException(
                $"Shape '{shape.Name}' has type '{shape.Type}', which Baton.WireGen does not map yet; add it to WirePlan.TypeOf and EpochSecondsConverter-style plumbing if needed."),
        };
    }

    /// <summary>Whether the C# type of the shape is a value type (needs <c>?</c> for nullable).</summary>
    public bool IsValueType(string shapeName) => Model.Shape(shapeName).Type is "integer" or "boolean" or "timestamp";

    private void Build()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<Shape>();
        foreach (var operation in Operations)
        {
            foreach (var name in new[] { operation.Input, operation.Output }.Concat(operation.Errors))
            {
                if (name is not null)
                {
                    Visit(name, seen, order);
                }
            }
        }

        Closure = order;
        foreach (var shape in order.Where(s => s.Type == "structure" && !s.IsException))
        {
            _recordNames[shape.Name] = shape.Name;
        }

        foreach (var operation in Operations)
        {
            if (operation.Input is not null)
            {
                _recordNames[operation.Input] = operation.Name + "Request";
            }

            if (operation.Output is not null)
            {
                _recordNames[operation.Output] = operation.Name + "Response";
            }
        }

        var taken = new HashSet<string>(_recordNames.Values, StringComparer.Ordinal);
        foreach (var shape in order.Where(s => s.Type == "string" && s.Enum is not null))
        {
            _enumNames[shape.Name] = taken.Contains(shape.Name) ? shape.Name + "Values" : shape.Name;
        }

        Records = [.. order.Where(s => _recordNames.ContainsKey(s.Name)).OrderBy(s => _recordNames[s.Name], StringComparer.Ordinal)];
        Enums = [.. order.Where(s => _enumNames.ContainsKey(s.Name)).OrderBy(s => _enumNames[s.Name], StringComparer.Ordinal)];
        Errors = [.. order.Where(s => s.IsException).OrderBy(s => s.Name, StringComparer.Ordinal)];
        CheckUniqueTypeNames();
    }

    private void Visit(string name, HashSet<string> seen, List<Shape> order)
    {
        if (!seen.Add(name))
        {
            return;
        }

        var shape = Model.Shape(name);
        order.Add(shape);
        foreach (var target in new[] { shape.ListMember, shape.MapKey, shape.MapValue }.Concat(shape.Members.Select(m => m.Target)))
        {
            if (target is null)
            {
                continue;
            }

            if (Model.Shape(target).IsException)
            {
                throw new GeneratorException($"Shape '{name}' refers to error shape '{target}'; error shapes are generated as exceptions, not records.");
            }

            Visit(target, seen, order);
        }
    }

    private void CheckUniqueTypeNames()
    {
        var all = _recordNames.Values
            .Concat(_enumNames.Values)
            .Concat(Errors.Select(e => e.Name))
            .Concat(Emitters.FixedTypeNames);
        var duplicate = all.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new GeneratorException($"Two generated types would be named '{duplicate.Key}'; extend the naming rules in WirePlan.");
        }
    }
}
