using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Conformance;

// The wire records of Baton.CodePipeline match the service model for every operation Baton
// speaks: member names, required flags, kinds, constraints and sensitivity, at every depth.
public class ModelConformanceTests
{
    private static readonly string[] _batonOperations =
    [
        "PollForJobs", "AcknowledgeJob", "GetJobDetails", "PutJobSuccessResult", "PutJobFailureResult",
        "PollForThirdPartyJobs", "AcknowledgeThirdPartyJob", "GetThirdPartyJobDetails",
        "PutThirdPartyJobSuccessResult", "PutThirdPartyJobFailureResult",
        "CreateCustomActionType", "DeleteCustomActionType", "ListActionTypes",
        "CreatePipeline", "GetPipeline", "UpdatePipeline", "DeletePipeline", "ListPipelines",
        "StartPipelineExecution", "StopPipelineExecution", "GetPipelineState", "GetPipelineExecution",
        "ListPipelineExecutions", "ListActionExecutions", "RetryStageExecution", "PutApprovalResult",
    ];

    public static TheoryData<string> Operations => [.. _batonOperations];

    private static readonly Lazy<ModelConformanceChecker> _checker = new(() =>
        new ModelConformanceChecker(ServiceModelFile.Model, typeof(ModelShapeAttribute).Assembly.GetTypes()));

    [Theory]
    [MemberData(nameof(Operations))]
    public void Records_Operation_ConformToTheModel(string operation)
    {
        var definition = ServiceModelFile.Model.RootElement.GetProperty("operations").GetProperty(operation);
        var mismatches = new List<string>();
        foreach (var (direction, suffix) in new[] { ("input", "Request"), ("output", "Response") })
        {
            if (!definition.TryGetProperty(direction, out var io))
            {
                continue;
            }

            var shape = io.GetProperty("shape").GetString()!;
            mismatches.AddRange(_checker.Value.Check(shape));
            if (_checker.Value.RecordFor(shape) is { } record && record.Name != operation + suffix)
            {
                mismatches.Add($"{shape}: the record is named {record.Name}; expected {operation}{suffix}");
            }
        }

        Assert.True(
            mismatches.Count == 0,
            $"{operation}: {mismatches.Count} mismatch(es) with the model:{Environment.NewLine}" + string.Join(Environment.NewLine, mismatches.Distinct()));
    }

    [Fact]
    public void Records_EveryRecordWithAModelShape_IsReachedFromAnOperation()
    {
        var operations = ServiceModelFile.Model.RootElement.GetProperty("operations");
        var reached = _batonOperations
            .SelectMany(op => new[] { "input", "output" }.Select(io => operations.GetProperty(op).TryGetProperty(io, out var s) ? s.GetProperty("shape").GetString() : null))
            .OfType<string>()
            .SelectMany(_checker.Value.ReachableStructures)
            .ToHashSet(StringComparer.Ordinal);
        var records = typeof(ModelShapeAttribute).Assembly.GetTypes()
            .Where(t => !typeof(Exception).IsAssignableFrom(t))
            .Select(ClrShapeKind.ModelShapeOf)
            .OfType<string>()
            .ToList();

        var orphans = records.Where(shape => !reached.Contains(shape)).ToList();

        Assert.True(orphans.Count == 0, "records no Baton operation reaches: " + string.Join(", ", orphans));
        Assert.Equal(reached.Count, records.Count);
    }

    [Fact]
    public void Operations_AreTheTwentySixBatonSpeaks_AndAllExistInTheModel()
    {
        var modelOperations = ServiceModelFile.Model.RootElement.GetProperty("operations");

        Assert.Equal(26, _batonOperations.Distinct().Count());
        Assert.All(_batonOperations, operation => Assert.True(modelOperations.TryGetProperty(operation, out _), $"{operation} is not in the model"));
    }
}
