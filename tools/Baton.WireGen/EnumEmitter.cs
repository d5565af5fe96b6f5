namespace Baton.WireGen;

/// <summary>
/// Emits a <c>public static class</c> of string constants for a string shape with an <c>enum</c>.
/// The wire records keep such members as <c>string</c> so that a value the service adds later
/// still deserializes; the constants are for comparing and building values.
/// </summary>
internal sealed class EnumEmitter(WirePlan plan)
{
    public string Emit(Shape shape)
    {
        var name = plan.EnumClassName(shape);
        var constants = shape.Enum!.Select(v => (Value: v, Constant: Naming.EnumConstantName(v, name))).ToList();
        var duplicate = constants.GroupBy(c => c.Constant, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new GeneratorException($"Enum '{shape.Name}' has two values named '{duplicate.Key}' in C#; extend Naming.EnumConstantName.");
        }

        var writer = new CodeWriter("Baton.CodePipeline.Model");
        writer.Summary(DocText.Summary(shape.Documentation, $"The values the model allows for <c>{shape.Name}</c>."));
        writer.Open($"public static class {name}");
        foreach (var (value, constant) in constants)
        {
            writer.Summary($"The <c>{DocText.Escape(value)}</c> value.");
            writer.Line($"public const string {constant} = {Naming.Literal(value)};");
            writer.Line();
        }

        writer.Summary("Every value the model allows, in model order.");
        writer.Line($"public static IReadOnlyList<string> Values {{ get; }} = Array.AsReadOnly(new[] {{ {string.Join(", ", constants.Select(c => c.Constant))} }});");
        writer.Close();
        return writer.ToString();
    }
}
