namespace Baton.WireGen;

/// <summary>
/// Emits an exception class per error shape (deriving from <c>CodePipelineServiceException</c>)
/// and <c>CodePipelineErrors</c>, which maps an error code to its class and lists each
/// operation's modeled errors.
/// </summary>
internal sealed class ErrorEmitter(WirePlan plan)
{
    public static string EmitException(Shape shape)
    {
        var writer = new CodeWriter("Baton.CodePipeline", "System.Net");
        writer.Summary(DocText.Summary(shape.Documentation, $"The service answered with the <c>{shape.Name}</c> error."));
        writer.Line("/// <remarks>The error code (the body's <c>__type</c>) is the class name.</remarks>");
        writer.Open($"public sealed class {shape.Name} : CodePipelineServiceException");
        writer.Line($"/// <summary>Creates the exception with the error code <c>{shape.Name}</c>.</summary>");
        writer.Line("/// <param name=\"message\">The service's message.</param>");
        writer.Line("/// <param name=\"statusCode\">The HTTP status of the response.</param>");
        writer.Line("/// <param name=\"requestId\">The <c>x-amzn-RequestId</c> of the response, when present.</param>");
        writer.Line($"public {shape.Name}(string message, HttpStatusCode statusCode, string? requestId)");
        writer.Line($"    : base({Naming.Literal(shape.Name)}, message, statusCode, requestId)");
        writer.Line("{");
        writer.Line("}");
        writer.Close();
        return writer.ToString();
    }

    public string EmitErrors()
    {
        var writer = new CodeWriter("Baton.CodePipeline", "System.Collections.Frozen", "System.Net", "Baton.CodePipeline.Json");
        writer.Line("/// <summary>");
        writer.Line("/// The modeled CodePipeline errors: <see cref=\"Create\"/> turns an error code into its exception");
        writer.Line("/// class and <see cref=\"ErrorsOf\"/> lists the errors the model declares for an operation.");
        writer.Line("/// </summary>");
        writer.Open("public static class CodePipelineErrors");
        writer.Open("private static readonly FrozenDictionary<string, IReadOnlyList<string>> _byOperation = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)");
        foreach (var operation in plan.Operations)
        {
            writer.Line($"[{Naming.Literal(operation.Name)}] = Array.AsReadOnly(new[] {{ {string.Join(", ", operation.Errors.Select(Naming.Literal))} }}),");
        }

        writer.Close(".ToFrozenDictionary(StringComparer.Ordinal);");
        writer.Line();
        writer.Summary("Every modeled error code of the implemented operations, in ordinal order.");
        writer.Open("public static IReadOnlyList<string> Codes { get; } = Array.AsReadOnly(new[]");
        foreach (var error in plan.Errors)
        {
            writer.Line($"{Naming.Literal(error.Name)},");
        }

        writer.Close(");");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Creates the exception for an error response: the modeled subclass for a known code, otherwise");
        writer.Line("/// a plain <see cref=\"CodePipelineServiceException\"/> (for example for <c>ThrottlingException</c>).");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"errorCode\">The body's <c>__type</c>; a namespace prefix (<c>...#</c>) or suffix (<c>:...</c>) is removed.</param>");
        writer.Line("/// <param name=\"message\">The service's message.</param>");
        writer.Line("/// <param name=\"statusCode\">The HTTP status of the response.</param>");
        writer.Line("/// <param name=\"requestId\">The <c>x-amzn-RequestId</c> of the response, when present.</param>");
        writer.Line("/// <returns>The exception to throw.</returns>");
        writer.Open("public static CodePipelineServiceException Create(string errorCode, string message, HttpStatusCode statusCode, string? requestId)");
        writer.Line("ArgumentNullException.ThrowIfNull(errorCode);");
        writer.Open("return AwsErrorBody.NormalizeErrorCode(errorCode) switch");
        foreach (var error in plan.Errors)
        {
            writer.Line($"{Naming.Literal(error.Name)} => new {error.Name}(message, statusCode, requestId),");
        }

        writer.Line("var code => new CodePipelineServiceException(code, message, statusCode, requestId),");
        writer.Close(";");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The error codes the model declares for an operation, in model order.</summary>");
        writer.Line("/// <param name=\"operation\">The operation name, for example <c>PollForJobs</c>.</param>");
        writer.Line("/// <returns>The modeled error codes; common errors such as <c>ThrottlingException</c> are not listed.</returns>");
        writer.Line("/// <exception cref=\"ArgumentException\">The operation is not one Baton implements.</exception>");
        writer.Line("public static IReadOnlyList<string> ErrorsOf(string operation) =>");
        writer.Line("    _byOperation.TryGetValue(operation, out var errors)");
        writer.Line("        ? errors");
        writer.Line("        : throw new ArgumentException($\"'{operation}' is not a CodePipeline operation Baton implements; see CodePipelineOperations.Names for the list.\", nameof(operation));");
        writer.Close();
        return writer.ToString();
    }
}
