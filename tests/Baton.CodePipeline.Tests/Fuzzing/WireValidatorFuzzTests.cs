using System.Text.Json;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Validation;
using CsCheck;

namespace Baton.CodePipeline.Tests.Fuzzing;

/// <summary>
/// The validator agrees with the model on generated requests of every operation: a request that
/// satisfies the model passes, and one with exactly one constraint broken (required, length,
/// pattern, enum, range) fails with an error at that member's path.
/// </summary>
public sealed class WireValidatorFuzzTests
{
    private const int Iterations = 150;

    public static TheoryData<string> Operations => [.. CodePipelineOperations.Names];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Validate_ModelValidRequest_IsValid(string operation)
    {
        var typeInfo = RequestTypeInfo(operation);

        ShapeGenerators.Valid(ShapeModel.Instance.InputOf(operation)).Sample(
            json =>
            {
                var result = WireValidator.Validate(JsonSerializer.Deserialize(json.ToJsonString(), typeInfo)!);
                Assert.True(result.IsValid, result.Message);
            },
            iter: Iterations,
            print: json => json.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Validate_OneConstraintBroken_FailsNamingTheMemberPath(string operation)
    {
        var typeInfo = RequestTypeInfo(operation);
        var shape = ShapeModel.Instance.InputOf(operation);
        var cases = ShapeGenerators.Valid(shape)
            .Select(json => (Json: json.AsObject(), Breaks: ShapeBreaks.Of(shape, json.AsObject())))
            .Where(c => c.Breaks.Count > 0)
            .SelectMany(c => CsCheck.Gen.Int[0, c.Breaks.Count - 1].Select(i => (c.Json, Break: c.Breaks[i])));

        cases.Sample(
            (json, broken) =>
            {
                var request = json.DeepClone().AsObject();
                broken.Apply(request);

                object record;
                try
                {
                    record = JsonSerializer.Deserialize(request.ToJsonString(), typeInfo)!;
                }
                catch (JsonException ex)
                {
                    // A missing required number, boolean or timestamp cannot read as null: the reader names it instead.
                    Assert.Equal("required", broken.Constraint);
                    Assert.Contains($"'{broken.Path.Split('.')[^1]}'", ex.Message, StringComparison.Ordinal);
                    return;
                }

                var result = WireValidator.Validate(record);

                Assert.False(result.IsValid, $"{broken} passed validation: {request.ToJsonString()}");
                Assert.Contains(result.Errors, e => e.Path == broken.Path);
                Assert.Contains($"at '{broken.Path}'", result.Message, StringComparison.Ordinal);
            },
            iter: Iterations,
            print: c => $"{c.Item2} in {c.Item1.ToJsonString()}");
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo RequestTypeInfo(string operation) =>
        CodePipelineJson.Options.GetTypeInfo(CodePipelineOperations.TryGet(operation, out var d) ? d.RequestType : throw new InvalidOperationException(operation));
}
