namespace Baton.WireGen;

/// <summary>
/// Emits the typed client surface: <c>ICodePipelineClient</c> with one documented method per
/// operation, and <c>CodePipelineClient</c>'s implementations, which all delegate to the
/// hand-written <c>InvokeAsync</c>.
/// </summary>
internal sealed class ClientEmitter(WirePlan plan)
{
    public string Emit()
    {
        var writer = new CodeWriter("Baton.CodePipeline", "Baton.CodePipeline.Model");
        writer.Line("/// <summary>The CodePipeline API operations Baton implements, one method per operation.</summary>");
        writer.Open("public partial interface ICodePipelineClient");
        for (var i = 0; i < plan.Operations.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            var operation = plan.Operations[i];
            writer.Summary(DocText.Summary(operation.Documentation, $"Calls <c>{operation.Name}</c>."));
            writer.Line($"/// <param name=\"request\">The <c>{operation.Name}</c> request.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            writer.Line(operation.Output is null
                ? "/// <returns>A task that completes when the service has accepted the request (an empty response).</returns>"
                : $"/// <returns>The service's <c>{operation.Name}</c> response.</returns>");
            foreach (var error in operation.Errors.Distinct(StringComparer.Ordinal))
            {
                var text = DocText.Summary(plan.Model.Shape(error).Documentation, "The service reported this error.");
                writer.Line($"/// <exception cref=\"{error}\">{text}</exception>");
            }

            writer.Line($"{Signature(operation)};");
        }

        writer.Close();
        writer.Line();
        writer.Line("/// <content>The generated operation methods; each delegates to <c>InvokeAsync</c>.</content>");
        writer.Open("public partial class CodePipelineClient : ICodePipelineClient");
        for (var i = 0; i < plan.Operations.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            var operation = plan.Operations[i];
            var request = plan.RecordName(operation.Input!);
            var name = Naming.Literal(operation.Name);
            writer.Line("/// <inheritdoc />");
            writer.Line($"public {Signature(operation)} =>");
            writer.Line(operation.Output is null
                ? $"    InvokeAsync({name}, request, cancellationToken);"
                : $"    InvokeAsync<{request}, {plan.RecordName(operation.Output)}>({name}, request, cancellationToken);");
        }

        writer.Close();
        return writer.ToString();
    }

    private string Signature(Operation operation)
    {
        var result = operation.Output is null ? "Task" : $"Task<{plan.RecordName(operation.Output)}>";
        return $"{result} {operation.Name}Async({plan.RecordName(operation.Input!)} request, CancellationToken cancellationToken = default)";
    }
}
