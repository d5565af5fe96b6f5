namespace Baton.WireGen;

/// <summary>Emits <c>OperationDescriptor</c> and the <c>CodePipelineOperations</c> table.</summary>
internal sealed class OperationsEmitter(WirePlan plan)
{
    public static string EmitDescriptor()
    {
        var writer = new CodeWriter("Baton.CodePipeline");
        writer.Line("/// <summary>A CodePipeline operation Baton implements and the records of its bodies.</summary>");
        writer.Line("/// <param name=\"Name\">The operation name, the part of <c>X-Amz-Target</c> after the dot.</param>");
        writer.Line("/// <param name=\"RequestType\">The record of the request body.</param>");
        writer.Line("/// <param name=\"ResponseType\">The record of the response body, or <see langword=\"null\"/> when the operation answers with an empty body.</param>");
        writer.Line("public sealed record OperationDescriptor(string Name, Type RequestType, Type? ResponseType);");
        return writer.ToString();
    }

    public string EmitTable()
    {
        var writer = new CodeWriter("Baton.CodePipeline", "System.Collections.Frozen", "System.Diagnostics.CodeAnalysis", "Baton.CodePipeline.Model");
        writer.Summary("The CodePipeline operations Baton implements, in the order of the generator's list, with their request and response records.");
        writer.Open("public static class CodePipelineOperations");
        writer.Open("private static readonly OperationDescriptor[] _all =");
        foreach (var operation in plan.Operations)
        {
            var input = operation.Input is null
                ? throw new GeneratorException($"Operation '{operation.Name}' has no input shape; Baton's client always sends a request record.")
                : $"typeof({plan.RecordName(operation.Input)})";
            var output = operation.Output is null ? "null" : $"typeof({plan.RecordName(operation.Output)})";
            writer.Line($"new({Naming.Literal(operation.Name)}, {input}, {output}),");
        }

        writer.Close(";");
        writer.Line();
        writer.Line("private static readonly FrozenDictionary<string, OperationDescriptor> _byName =");
        writer.Line("    _all.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);");
        writer.Line();
        writer.Summary("The operation names.");
        writer.Line("public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(Array.ConvertAll(_all, d => d.Name));");
        writer.Line();
        writer.Summary("Every operation's descriptor.");
        writer.Line("public static IReadOnlyList<OperationDescriptor> All { get; } = Array.AsReadOnly(_all);");
        writer.Line();
        writer.Line("/// <summary>Finds an operation by its exact (case-sensitive) name.</summary>");
        writer.Line("/// <param name=\"name\">The operation name, for example <c>PollForJobs</c>.</param>");
        writer.Line("/// <param name=\"descriptor\">The operation, when found.</param>");
        writer.Line("/// <returns>Whether Baton implements the operation.</returns>");
        writer.Line("public static bool TryGet(string name, [NotNullWhen(true)] out OperationDescriptor? descriptor) =>");
        writer.Line("    _byName.TryGetValue(name, out descriptor);");
        writer.Close();
        return writer.ToString();
    }
}
