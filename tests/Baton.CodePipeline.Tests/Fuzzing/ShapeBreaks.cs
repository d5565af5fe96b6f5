using System.Text.Json.Nodes;

namespace Baton.CodePipeline.Tests.Fuzzing;

/// <summary>One way to break a valid request: the member it breaks (in AWS's path form) and the edit.</summary>
/// <param name="Path">The member path the ValidationException must name, such as <c>actionTypeId.provider</c>.</param>
/// <param name="Constraint">The constraint broken: required, length, pattern, enum or range.</param>
/// <param name="Apply">Edits a copy of the request so that exactly this member breaks its constraint.</param>
internal sealed record ShapeBreak(string Path, string Constraint, Action<JsonObject> Apply)
{
    public override string ToString() => $"{Constraint} at '{Path}'";
}

/// <summary>
/// Finds every single-constraint break of a valid JSON value: a required member removed, a string
/// one character too long or empty below its minimum, a pattern or enum violated, a number outside
/// its range. Walks structures and list elements (lists as <c>name.N.member</c>, one-based, as AWS
/// writes them); map values are left alone.
/// </summary>
internal static class ShapeBreaks
{
    public static IReadOnlyList<ShapeBreak> Of(string shapeName, JsonObject request)
    {
        var breaks = new List<ShapeBreak>();
        Walk(ShapeModel.Instance[shapeName], request, [], string.Empty, breaks);
        return breaks;
    }

    private static void Walk(Shape shape, JsonObject value, List<object> steps, string path, List<ShapeBreak> breaks)
    {
        foreach (var (name, memberShapeName) in shape.Members)
        {
            var memberPath = path.Length == 0 ? name : $"{path}.{name}";
            var memberSteps = new List<object>(steps) { name };
            var memberShape = ShapeModel.Instance[memberShapeName];
            if (shape.Required.Contains(name))
            {
                breaks.Add(new ShapeBreak(memberPath, "required", root => Parent(root, memberSteps).AsObject().Remove(name)));
            }

            if (value[name] is { } present)
            {
                AddValueBreaks(memberShape, present, memberSteps, memberPath, breaks);
            }
        }
    }

    private static void AddValueBreaks(Shape shape, JsonNode value, List<object> steps, string path, List<ShapeBreak> breaks)
    {
        switch (shape.Type)
        {
            case "structure":
                Walk(shape, value.AsObject(), steps, path, breaks);
                break;
            case "list":
                var items = value.AsArray();
                if (shape.Min is > 0)
                {
                    breaks.Add(Replace("length", path, steps, () => new JsonArray()));
                }

                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject item)
                    {
                        AddValueBreaks(ShapeModel.Instance[shape.ListMember], item, [.. steps, i], $"{path}.{i + 1}.member", breaks);
                    }
                }

                break;
            case "string":
                AddStringBreaks(shape, steps, path, breaks);
                break;
            case "integer" or "long":
                if (shape.Min is { } min)
                {
                    breaks.Add(Replace("range", path, steps, () => JsonValue.Create(min - 1)));
                }

                if (shape.Max is { } max)
                {
                    breaks.Add(Replace("range", path, steps, () => JsonValue.Create(max + 1)));
                }

                break;
        }
    }

    private static void AddStringBreaks(Shape shape, List<object> steps, string path, List<ShapeBreak> breaks)
    {
        if (shape.Enum is not null)
        {
            breaks.Add(Replace("enum", path, steps, () => JsonValue.Create("NotAModelValue")));
            return;
        }

        var fill = shape.Pattern is { } p && ShapeGenerators.CharacterClass(p) is { } chars ? chars[0] : 'a';
        if (shape.Max is { } max)
        {
            breaks.Add(Replace("length", path, steps, () => JsonValue.Create(new string(fill, (int)max + 1))));
        }

        if (shape.Min is >= 1)
        {
            breaks.Add(Replace("length", path, steps, () => JsonValue.Create(string.Empty)));
        }

        if (shape.Pattern is { } pattern && pattern != ".*")
        {
            var length = (int)Math.Clamp(Math.Max(shape.Min ?? 1, 1), 1, shape.Max ?? 1);
            breaks.Add(Replace("pattern", path, steps, () => JsonValue.Create(new string('~', length))));
        }
    }

    private static ShapeBreak Replace(string constraint, string path, List<object> steps, Func<JsonNode> value) =>
        new(path, constraint, root =>
        {
            var parent = Parent(root, steps);
            switch (steps[^1])
            {
                case string member:
                    parent[member] = value();
                    break;
                case int index:
                    parent[index] = value();
                    break;
            }
        });

    private static JsonNode Parent(JsonObject root, List<object> steps)
    {
        JsonNode node = root;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            node = step is string member ? node[member]! : node[(int)step]!;
        }

        return node;
    }
}
