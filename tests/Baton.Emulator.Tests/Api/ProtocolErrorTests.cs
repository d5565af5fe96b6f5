using System.Text.Json;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Api;

public sealed class ProtocolErrorTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Request_UnknownTarget_AnswersUnknownOperationException()
    {
        var response = await _emulator.SendRawAsync("CodePipeline_20150709.LaunchRockets", "{}");

        AssertError(response, 400, "UnknownOperationException", "LaunchRockets");
    }

    [Fact]
    public async Task Request_WrongTargetPrefix_AnswersUnknownOperationException()
    {
        var response = await _emulator.SendRawAsync("DynamoDB_20120810.ListTables", "{}");

        AssertError(response, 400, "UnknownOperationException", "DynamoDB_20120810.ListTables");
    }

    [Fact]
    public async Task Request_MalformedJson_AnswersSerializationException()
    {
        var response = await _emulator.SendRawAsync("CodePipeline_20150709.ListPipelines", "{\"maxResults\": ");

        AssertError(response, 400, "SerializationException", "ListPipelines");
    }

    [Fact]
    public async Task Request_WrongJsonType_AnswersSerializationExceptionNamingThePath()
    {
        var response = await _emulator.SendRawAsync(
            "CodePipeline_20150709.PollForJobs",
            "{\"actionTypeId\":{\"category\":\"Test\",\"owner\":\"Custom\",\"provider\":\"X\",\"version\":\"1\"},\"maxBatchSize\":\"ten\"}");

        AssertError(response, 400, "SerializationException", "$.maxBatchSize");
    }

    [Fact]
    public async Task Request_ConstraintsViolated_AnswersValidationExceptionInAwsFormat()
    {
        var response = await _emulator.SendRawAsync(
            "CodePipeline_20150709.PollForJobs",
            "{\"actionTypeId\":{\"category\":\"Nope\",\"owner\":\"Custom\",\"provider\":\"X\",\"version\":\"1\"},\"maxBatchSize\":0}");

        var error = AssertError(response, 400, "ValidationException", "2 validation errors detected: ");
        Assert.Contains("'actionTypeId.category' failed to satisfy constraint: Member must satisfy enum value set", error, StringComparison.Ordinal);
        Assert.Contains("Value '0' at 'maxBatchSize' failed to satisfy constraint: Member must have value greater than or equal to 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_MissingRequiredMember_AnswersValidationException()
    {
        var response = await _emulator.SendRawAsync("CodePipeline_20150709.GetJobDetails", "{}");

        AssertError(response, 400, "ValidationException", "Value null at 'jobId' failed to satisfy constraint: Member must not be null");
    }

    [Fact]
    public async Task Request_EmptyBody_IsReadAsEmptyObject()
    {
        var response = await _emulator.SendRawAsync("CodePipeline_20150709.ListPipelines", "");

        Assert.Equal(200, response.Status);
        Assert.Equal("{\"pipelines\":[]}", response.Body);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
    }

    [Fact]
    public async Task Request_NoSignature_AnswersMissingAuthenticationToken()
    {
        var response = await _emulator.SendRawAsync("CodePipeline_20150709.ListPipelines", "{}", sign: false);

        AssertError(response, 403, "MissingAuthenticationToken", "Missing Authentication Token");
    }

    [Fact]
    public async Task Request_WrongSecret_AnswersInvalidSignatureException()
    {
        var response = await _emulator.SendRawAsync("CodePipeline_20150709.ListPipelines", "{}", secretKey: "wrong");

        AssertError(response, 403, "InvalidSignatureException", "signature we calculated does not match");
    }

    [Fact]
    public async Task Request_UnknownAccessKey_AnswersUnrecognizedClientException()
    {
        var response = await _emulator.SendRawAsync("CodePipeline_20150709.ListPipelines", "{}", accessKey: "AKIAOTHER");

        AssertError(response, 403, "UnrecognizedClientException", "--access-key");
    }

    [Fact]
    public async Task Request_BodyOverLimit_Answers413WithClearMessage()
    {
        var body = "{\"nextToken\":\"" + new string('a', 1024 * 1024) + "\"}";

        var response = await _emulator.SendRawAsync("CodePipeline_20150709.ListPipelines", body);

        AssertError(response, 413, "RequestEntityTooLargeException", "1048576 bytes");
    }

    [Fact]
    public async Task Request_AuthNone_AcceptsUnsignedRequests()
    {
        await using var open = await TestEmulator.StartAsync(o => o.Auth = Baton.Emulator.Hosting.EmulatorAuthMode.None);

        var response = await open.SendRawAsync("CodePipeline_20150709.ListPipelines", "{}", sign: false);

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Error_AnyErrorAnswer_CarriesRequestIdAndJsonContentType()
    {
        var response = await _emulator.SendRawAsync("CodePipeline_20150709.GetPipeline", "{\"name\":\"nothing\"}");

        AssertError(response, 400, "PipelineNotFoundException", "does not have a pipeline with name 'nothing'");
    }

    private static string AssertError(RawResponse response, int status, string type, string messagePart)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
        using var document = JsonDocument.Parse(response.Body);
        Assert.Equal(type, document.RootElement.GetProperty("__type").GetString());
        var message = document.RootElement.GetProperty("message").GetString()!;
        Assert.Contains(messagePart, message, StringComparison.Ordinal);
        return message;
    }
}
