namespace Baton.WireGen;

/// <summary>
/// Runs every emitter over a plan and returns the generated files by path relative to the
/// output directory (records, enums and errors in subfolders; tables at the top).
/// </summary>
internal static class Emitters
{
    /// <summary>Types the generator or the hand-written code define beside the shapes' types.</summary>
    public static IReadOnlyList<string> FixedTypeNames { get; } =
    [
        "AwsErrorBody", "CodePipelineClient", "CodePipelineErrors", "CodePipelineJson", "CodePipelineJsonContext",
        "CodePipelineOperations", "CodePipelineProtocol", "CodePipelineServiceException", "ConstraintAttribute",
        "ConstraintTarget", "EpochSecondsConverter", "ICodePipelineClient", "ModelShapeAttribute", "OperationDescriptor",
        "SensitiveAttribute",
    ];

    public static SortedDictionary<string, string> Generate(WirePlan plan)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var records = new RecordEmitter(plan);
        foreach (var shape in plan.Records)
        {
            files.Add($"Records/{plan.RecordName(shape.Name)}.g.cs", records.Emit(shape));
        }

        var enums = new EnumEmitter(plan);
        foreach (var shape in plan.Enums)
        {
            files.Add($"Enums/{plan.EnumClassName(shape)}.g.cs", enums.Emit(shape));
        }

        var errors = new ErrorEmitter(plan);
        foreach (var shape in plan.Errors)
        {
            files.Add($"Errors/{shape.Name}.g.cs", ErrorEmitter.EmitException(shape));
        }

        files.Add("Errors/CodePipelineErrors.g.cs", errors.EmitErrors());
        var operations = new OperationsEmitter(plan);
        files.Add("OperationDescriptor.g.cs", OperationsEmitter.EmitDescriptor());
        files.Add("CodePipelineOperations.g.cs", operations.EmitTable());
        files.Add("CodePipelineJsonContext.g.cs", new JsonContextEmitter(plan).Emit());
        return files;
    }
}
