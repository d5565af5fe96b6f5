using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.CodePipeline.Json;
using CsCheck;

namespace Baton.CodePipeline.Tests.Fuzzing;

/// <summary>
/// Any JSON the model allows for a request or response reads into the wire record and writes back
/// as the same JSON: no member is lost, renamed, retyped or invented on the way.
/// </summary>
public sealed class WireRecordRoundTripFuzzTests
{
    private const int Iterations = 150;

    public static TheoryData<string> Operations => [.. CodePipelineOperations.Names];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Request_AnyModelValidJson_RoundTripsThroughTheRecord(string operation)
    {
        var descriptor = Descriptor(operation);

        AssertRoundTrips(ShapeModel.Instance.InputOf(operation), descriptor.RequestType);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Response_AnyModelValidJson_RoundTripsThroughTheRecord(string operation)
    {
        var descriptor = Descriptor(operation);
        if (descriptor.ResponseType is null || ShapeModel.Instance.OutputOf(operation) is not { } output)
        {
            Assert.Null(descriptor.ResponseType);
            return;
        }

        AssertRoundTrips(output, descriptor.ResponseType);
    }

    private static void AssertRoundTrips(string shape, Type recordType)
    {
        var typeInfo = CodePipelineJson.Options.GetTypeInfo(recordType);
        ShapeGenerators.Valid(shape).Sample(
            json =>
            {
                var record = JsonSerializer.Deserialize(json.ToJsonString(), typeInfo)!;
                var written = JsonNode.Parse(JsonSerializer.Serialize(record, typeInfo));
                Assert.True(
                    JsonSemantics.AreEqual(json, written),
                    $"{recordType.Name} changed the JSON.\nin:  {json.ToJsonString()}\nout: {written?.ToJsonString()}");
                var again = JsonSerializer.Deserialize(written!.ToJsonString(), typeInfo)!;
                Assert.Equal(JsonSerializer.Serialize(record, typeInfo), JsonSerializer.Serialize(again, typeInfo));
            },
            iter: Iterations,
            print: json => json.ToJsonString());
    }

    private static OperationDescriptor Descriptor(string operation) =>
        CodePipelineOperations.TryGet(operation, out var descriptor) ? descriptor : throw new InvalidOperationException(operation);
}
