using System.Text;
using System.Text.Json;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Corpus;

/// <summary>
/// The emulator's bad-input corpus: every case is one hostile or broken CodePipeline request and
/// the exact AWS-style error it must get — a specific 4xx with <c>__type</c> and a message that
/// says what to fix, never a 500. docs/reliability.md lists the same table.
/// </summary>
public sealed class EmulatorBadInputCorpusTests : IAsyncLifetime
{
    private static readonly Dictionary<string, EmulatorCase> _cases = new EmulatorCase[]
    {
        // Bodies that are not the operation's JSON.
        new("json-truncated", CorpusRequest.Json("ListPipelines", "{\"maxResults\": "), 400, "SerializationException", "ListPipelines"),
        new("json-array-body", CorpusRequest.Json("ListPipelines", "[1,2]"), 400, "SerializationException", "The request body is not a JSON object"),
        new("json-literal-null", CorpusRequest.Json("GetJobDetails", "null"), 400, "SerializationException", "JSON literal null"),
        new("json-invalid-utf8", new CorpusRequest { Body = [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D] }, 400, "SerializationException", "ListPipelines"),
        new("json-trailing-garbage", CorpusRequest.Json("ListPipelines", "{} {}"), 400, "SerializationException", "ListPipelines"),
        new("json-deep-nesting", CorpusRequest.Json("ListPipelines", new string('[', 5000) + new string(']', 5000)), 400, "SerializationException", "ListPipelines"),
        // Members of the wrong JSON type.
        new("type-string-for-integer", CorpusRequest.Json("PollForJobs", "{\"actionTypeId\":{\"category\":\"Test\",\"owner\":\"Custom\",\"provider\":\"X\",\"version\":\"1\"},\"maxBatchSize\":\"ten\"}"), 400, "SerializationException", "$.maxBatchSize"),
        new("type-object-for-string", CorpusRequest.Json("GetJobDetails", "{\"jobId\":{}}"), 400, "SerializationException", "$.jobId"),
        new("type-array-for-structure", CorpusRequest.Json("PollForJobs", "{\"actionTypeId\":[]}"), 400, "SerializationException", "$.actionTypeId"),
        new("type-integer-overflow", CorpusRequest.Json("ListPipelines", "{\"maxResults\":1e40}"), 400, "SerializationException", "$.maxResults"),
        new("type-number-for-timestamp-string", CorpusRequest.Json("PutJobSuccessResult", "{\"jobId\":\"00000000-0000-4000-8000-000000000000\",\"currentRevision\":{\"revision\":\"r\",\"changeIdentifier\":\"c\",\"created\":\"yesterday\"}}"), 400, "SerializationException", "$.currentRevision.created"),
        // Model constraints.
        new("missing-required-string", CorpusRequest.Json("GetJobDetails", "{}"), 400, "ValidationException", "Value null at 'jobId' failed to satisfy constraint: Member must not be null"),
        new("missing-required-boolean", CorpusRequest.Json("CreateCustomActionType", ActionTypeWithoutKeyFlag), 400, "ValidationException", "Value null at 'configurationProperties.1.member.key' failed to satisfy constraint: Member must not be null"),
        new("enum-unknown", CorpusRequest.Json("PutJobFailureResult", "{\"jobId\":\"00000000-0000-4000-8000-000000000000\",\"failureDetails\":{\"type\":\"Meltdown\",\"message\":\"m\"}}"), 400, "ValidationException", "at 'failureDetails.type' failed to satisfy constraint: Member must satisfy enum value set"),
        new("pattern-broken", CorpusRequest.Json("GetJobDetails", "{\"jobId\":\"../../etc/passwd\"}"), 400, "ValidationException", "at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern"),
        new("length-over-max", CorpusRequest.Json("PutJobFailureResult", "{\"jobId\":\"00000000-0000-4000-8000-000000000000\",\"failureDetails\":{\"type\":\"JobFailed\",\"message\":\"" + new string('m', 5001) + "\"}}"), 400, "ValidationException", "at 'failureDetails.message' failed to satisfy constraint: Member must have length less than or equal to 5000"),
        new("range-below-min", CorpusRequest.Json("ListPipelines", "{\"maxResults\":0}"), 400, "ValidationException", "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"),
        // Operations and targets.
        new("target-unknown-operation", new CorpusRequest { Target = "CodePipeline_20150709.LaunchRockets" }, 400, "UnknownOperationException", "LaunchRockets"),
        new("target-other-service", new CorpusRequest { Target = "DynamoDB_20120810.ListTables" }, 400, "UnknownOperationException", "DynamoDB_20120810.ListTables"),
        new("target-missing", new CorpusRequest { Target = null }, 400, "UnknownOperationException", "no X-Amz-Target header"),
        new("target-empty", new CorpusRequest { Target = string.Empty }, 400, "UnknownOperationException", "no X-Amz-Target header"),
        new("target-case-changed", new CorpusRequest { Target = "codepipeline_20150709.ListPipelines" }, 400, "UnknownOperationException", "codepipeline_20150709.ListPipelines"),
        // Size.
        new("body-over-limit-declared", new CorpusRequest { Body = Encoding.UTF8.GetBytes("{\"nextToken\":\"" + new string('a', 1024 * 1024) + "\"}") }, 413, "RequestEntityTooLargeException", "1048576 bytes"),
        new("body-over-limit-chunked", new CorpusRequest { Body = Encoding.UTF8.GetBytes("{\"nextToken\":\"" + new string('a', 1024 * 1024) + "\"}"), Chunked = true, Sign = false }, 413, "RequestEntityTooLargeException", "1048576 bytes"),
        // Signatures.
        new("signature-missing", new CorpusRequest { Sign = false }, 403, "MissingAuthenticationToken", "Missing Authentication Token"),
        new("signature-wrong-secret", new CorpusRequest { Credentials = new AwsCredentials(TestEmulator.AccessKey, "not-the-secret") }, 403, "InvalidSignatureException", "signature we calculated does not match"),
        new("signature-unknown-access-key", new CorpusRequest { Credentials = new AwsCredentials("AKIAOTHER", TestEmulator.SecretKey) }, 403, "UnrecognizedClientException", "--access-key"),
        new("signature-replayed-on-other-body", new CorpusRequest { AfterSigning = r => r.Content = new ByteArrayContent("{\"maxResults\":1}"u8.ToArray()) { Headers = { ContentType = new(CodePipeline.CodePipelineProtocol.ContentType) } } }, 403, "InvalidSignatureException", "signature we calculated does not match"),
        new("signature-replayed-on-other-target", new CorpusRequest { AfterSigning = r => { r.Headers.Remove("X-Amz-Target"); r.Headers.Add("X-Amz-Target", "CodePipeline_20150709.ListActionTypes"); } }, 403, "InvalidSignatureException", "signature we calculated does not match"),
        new("signature-expired", new CorpusRequest { SignedAgo = TimeSpan.FromMinutes(20) }, 403, "InvalidSignatureException", "Signature expired"),
        new("signature-from-the-future", new CorpusRequest { SignedAgo = TimeSpan.FromMinutes(-20) }, 403, "InvalidSignatureException", "Signature not yet current"),
        new("signature-wrong-region", new CorpusRequest { Region = "eu-west-1" }, 403, "InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'"),
        new("signature-wrong-service", new CorpusRequest { Service = "s3" }, 403, "InvalidSignatureException", "codepipeline"),
        new("signature-garbled-header", new CorpusRequest { Authorization = "AWS4-HMAC-SHA256 garbage" }, 400, "IncompleteSignature", "'garbage' not a valid key=value pair"),
    }.ToDictionary(c => c.Name);

    private const string ActionTypeWithoutKeyFlag =
        "{\"category\":\"Test\",\"provider\":\"Corpus\",\"version\":\"1\",\"configurationProperties\":[{\"name\":\"Target\",\"required\":true,\"secret\":false}]," +
        "\"inputArtifactDetails\":{\"minimumCount\":0,\"maximumCount\":1},\"outputArtifactDetails\":{\"minimumCount\":0,\"maximumCount\":1}}";

    private TestEmulator _emulator = null!;

    public static TheoryData<string> Cases => [.. _cases.Keys];

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BadInput_AnswersTheSpecificAwsError(string name)
    {
        var expected = _cases[name];

        var response = await expected.Request.SendAsync(_emulator);

        Assert.True(response.Status == expected.Status, $"{name}: expected {expected.Status} {expected.Type}, got {response.Status}: {response.Body}");
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.False(string.IsNullOrEmpty(response.RequestId));
        using var document = JsonDocument.Parse(response.Body);
        Assert.Equal(expected.Type, document.RootElement.GetProperty("__type").GetString());
        Assert.Contains(expected.MessagePart, document.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ExactReplayWithinTheSigningWindow_IsAcceptedLikeAws()
    {
        // SigV4 has no nonce: AWS accepts a replay until the 15-minute window closes ("signature-expired" above).
        var request = new CorpusRequest { SignedAgo = TimeSpan.FromMinutes(10) };

        Assert.Equal(200, (await request.SendAsync(_emulator)).Status);
        Assert.Equal(200, (await request.SendAsync(_emulator)).Status);
    }

    [Fact]
    public async Task Request_WrongContentTypeWithTarget_IsServedAsJson()
    {
        // Like AWS's JSON protocol, the target decides; botocore and the SDKs always send application/x-amz-json-1.1.
        var response = await new CorpusRequest { ContentType = "text/plain" }.SendAsync(_emulator);

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Request_NoTargetAndNoJsonContentType_IsNotACodePipelineRequestAndNeverFailsInternally()
    {
        var response = await new CorpusRequest { Target = null, ContentType = "text/plain" }.SendAsync(_emulator);

        Assert.InRange(response.Status, 400, 499);
    }
}

/// <summary>One corpus case: the request and the answer it must get.</summary>
internal sealed record EmulatorCase(string Name, CorpusRequest Request, int Status, string Type, string MessagePart);
