using System.Text.Json;
using Baton.CodePipeline;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Api;

public sealed class BadInputNeverFailsInternallyTests : IAsyncLifetime
{
    private static readonly string[] _bodies =
    [
        "", "{}", "[]", "null", "\"text\"", "42", "{\"name\":{}}", "{\"jobId\":[1]}",
        "{\"pipeline\":{\"name\":\"p\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"stages\":[null]}}",
        "{\"pipeline\":{\"name\":\"p\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"artifactStore\":{\"type\":\"S3\",\"location\":\"bucket\"},\"stages\":[{\"name\":\"A\",\"actions\":[null]},{\"name\":\"B\",\"actions\":[]}]}}",
        "{\"pipeline\":{\"name\":\"p\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"artifactStore\":{\"type\":\"S3\",\"location\":\"Not_A_Bucket\"},\"stages\":[{\"name\":\"A\",\"actions\":[{\"name\":\"S\",\"actionTypeId\":{\"category\":\"Source\",\"owner\":\"AWS\",\"provider\":\"S3\",\"version\":\"1\"},\"configuration\":{\"S3Bucket\":\"b\",\"S3ObjectKey\":\"k\"},\"outputArtifacts\":[{\"name\":\"o\"}]}]},{\"name\":\"B\",\"actions\":[{\"name\":\"G\",\"actionTypeId\":{\"category\":\"Approval\",\"owner\":\"AWS\",\"provider\":\"Manual\",\"version\":\"1\"}}]}]}}",
        "{\"actionTypeId\":{\"category\":\"Test\",\"owner\":\"Custom\",\"provider\":\"P\",\"version\":\"1\"},\"queryParam\":{\"a\":null}}",
        "{\"jobId\":\"00000000-0000-4000-8000-000000000000\",\"nonce\":\"1\",\"clientToken\":\"t\",\"failureDetails\":{\"type\":\"JobFailed\",\"message\":\"m\"}}",
        "{\"pipelineName\":\"p\",\"pipelineExecutionId\":\"00000000-0000-4000-8000-000000000000\",\"stageName\":\"s\",\"actionName\":\"a\",\"retryMode\":\"ALL_ACTIONS\",\"token\":\"00000000-0000-4000-8000-000000000000\",\"result\":{\"summary\":\"s\",\"status\":\"Approved\"}}",
        "{\"variables\":[null],\"name\":\"p\",\"tags\":[null],\"filter\":{\"succeededInStage\":null},\"nextToken\":\"zzz\"}",
    ];

    private TestEmulator _emulator = null!;

    public static TheoryData<string> Operations => [.. CodePipelineOperations.Names];

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_MalformedOrNonsenseBodies_NeverAnswersInternalFailure(string operation)
    {
        foreach (var body in _bodies)
        {
            var response = await _emulator.SendRawAsync(CodePipelineProtocol.Target(operation), body);

            Assert.True(response.Status is 200 or 400, $"{operation} with {body} answered {response.Status}: {response.Body}");
            if (response.Status == 400)
            {
                using var error = JsonDocument.Parse(response.Body);
                Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("message").GetString()));
            }
        }
    }
}
