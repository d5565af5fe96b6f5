using System.Text.Json.Nodes;
using Baton.CodePipeline.Tests.Model;

namespace Baton.CodePipeline.Tests.Fuzzing;

/// <summary>
/// The shapes of the CodePipeline service model, read once from the model file, in the terms the
/// fuzz generators need: a shape's type, its constraints and, for structures, which members are required.
/// </summary>
internal sealed class ShapeModel
{
    private static readonly Lazy<ShapeModel> _instance = new(() => new ShapeModel(JsonNode.Parse(File.ReadAllText(ServiceModelFile.Path))!.AsObject()));

    private readonly JsonObject _shapes;
    private readonly JsonObject _operations;

    private ShapeModel(JsonObject model)
    {
        _shapes = model["shapes"]!.AsObject();
        _operations = model["operations"]!.AsObject();
    }

    public static ShapeModel Instance => _instance.Value;

    public Shape this[string name] => new(name, _shapes[name]?.AsObject() ?? throw new KeyNotFoundException($"The service model has no shape '{name}'."));

    public string InputOf(string operation) => (string)_operations[operation]!["input"]!["shape"]!;

    public string? OutputOf(string operation) => (string?)_operations[operation]!["output"]?["shape"];
}

/// <summary>One shape of the model.</summary>
internal sealed record Shape(string Name, JsonObject Definition)
{
    public string Type => (string)Definition["type"]!;

    public long? Min => Definition["min"]?.GetValue<long>();

    public long? Max => Definition["max"]?.GetValue<long>();

    public string? Pattern => (string?)Definition["pattern"];

    public IReadOnlyList<string>? Enum => Definition["enum"]?.AsArray().Select(v => (string)v!).ToArray();

    public IReadOnlySet<string> Required => Definition["required"]?.AsArray().Select(v => (string)v!).ToHashSet() ?? [];

    /// <summary>The members of a structure: wire name → shape name, in model order.</summary>
    public IReadOnlyList<(string Name, string Shape)> Members =>
        Definition["members"]?.AsObject().Select(m => (m.Key, (string)m.Value!["shape"]!)).ToArray() ?? [];

    public string ListMember => (string)Definition["member"]!["shape"]!;

    public string MapKey => (string)Definition["key"]!["shape"]!;

    public string MapValue => (string)Definition["value"]!["shape"]!;
}
