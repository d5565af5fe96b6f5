using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.CodePipeline;
using Baton.CodePipeline.Tests.Fuzzing;
using Baton.Emulator.Tests.Infrastructure;
using CsCheck;

namespace Baton.Emulator.Tests.Fuzzing;

/// <summary>
/// Requests generated from the service model's input shapes, sent over HTTP to the emulator: a
/// request the model allows is never refused as invalid (any answer but ValidationException,
/// SerializationException or a 5xx), and a request with exactly one constraint broken is answered
/// 400 ValidationException naming the broken member's path.
/// </summary>
public sealed class EmulatorRequestFuzzTests : IAsyncLifetime
{
    // Bounded so each operation's property runs in a few seconds on a busy machine.
    private const int Iterations = 40;

    private TestEmulator _emulator = null!;

    public static TheoryData<string> Operations => [.. CodePipelineOperations.Names];

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_ModelValidRequest_IsNeverRefusedAsInvalid(string operation)
    {
        await ShapeGenerators.Valid(ShapeModel.Instance.InputOf(operation)).Select(json => SemanticRules.Apply(operation, json.AsObject())).SampleAsync(
            async json =>
            {
                var response = await _emulator.SendRawAsync(CodePipelineProtocol.Target(operation), json.ToJsonString());

                Assert.True(response.Status is 200 or 400, $"{operation} answered {response.Status}: {response.Body}");
                if (response.Status == 400)
                {
                    var type = ErrorType(response);
                    Assert.True(type is not ("ValidationException" or "SerializationException"), $"{operation} refused a model-valid request: {response.Body}");
                }
            },
            iter: Iterations,
            threads: 1,
            print: json => json.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_OneConstraintBroken_AnswersValidationExceptionNamingTheMember(string operation)
    {
        var shape = ShapeModel.Instance.InputOf(operation);
        var cases = ShapeGenerators.Valid(shape)
            .Select(json => (Json: json.AsObject(), Breaks: ShapeBreaks.Of(shape, json.AsObject())))
            .Where(c => c.Breaks.Count > 0)
            .SelectMany(c => Gen.Int[0, c.Breaks.Count - 1].Select(i => (c.Json, Break: c.Breaks[i])));

        await cases.SampleAsync(
            async (json, broken) =>
            {
                var request = json.DeepClone().AsObject();
                broken.Apply(request);

                var response = await _emulator.SendRawAsync(CodePipelineProtocol.Target(operation), request.ToJsonString());

                Assert.True(response.Status == 400, $"{operation} with {broken} answered {response.Status}: {response.Body}");
                Assert.Equal("ValidationException", ErrorType(response));
                Assert.Contains($"at '{broken.Path}'", Message(response), StringComparison.Ordinal);
            },
            iter: Iterations,
            threads: 1,
            print: c => $"{c.Item2} in {c.Item1.ToJsonString()}");
    }

    private static string? ErrorType(RawResponse response)
    {
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty("__type").GetString();
    }

    private static string Message(RawResponse response) => (string)JsonNode.Parse(response.Body)!["message"]!;
}
