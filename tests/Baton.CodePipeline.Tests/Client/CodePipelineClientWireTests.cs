using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Client;

public class CodePipelineClientWireTests
{
    [Fact]
    public async Task PollForJobsAsync_Request_IsTheJson11ProtocolAndValidlySigned()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenJson(HttpStatusCode.OK, """{"jobs":[]}""");

        var response = await harness.Client.PollForJobsAsync(ClientHarness.PollRequest);

        Assert.NotNull(response.Jobs);
        Assert.Empty(response.Jobs);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.RawTarget);
        Assert.Equal("CodePipeline_20150709.PollForJobs", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal(harness.Server.Url.Authority, request.Header("Host"));
        AssertJsonEqual(
            """{"actionTypeId":{"category":"Test","owner":"Custom","provider":"BatonProbe","version":"1"},"maxBatchSize":1}""",
            request.Body);
        Assert.Equal("20251129T120000Z", request.Header("X-Amz-Date"));
        var verification = SignatureCheck.Verify(request, BackoffClock.Epoch, "us-east-1", ClientHarness.Credentials);
        Assert.True(verification.IsValid, verification.Failure?.Message);
        Assert.Equal("AKIDBATONTEST/20251129/us-east-1/codepipeline/aws4_request", $"{verification.AccessKeyId}/{verification.Scope}");
        Assert.Contains("x-amz-target", verification.SignedHeaders);
    }

    [Fact]
    public async Task PollForJobsAsync_SessionCredentials_SendsTheSecurityTokenSigned()
    {
        var temporary = new AwsCredentials("ASIABATONTEST", "temporary/secret", "session-token-value");
        await using var harness = await ClientHarness.StartAsync(o => o.Credentials = temporary);
        harness.Server.ThenJson(HttpStatusCode.OK, """{"jobs":[]}""");

        await harness.Client.PollForJobsAsync(ClientHarness.PollRequest);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("session-token-value", request.Header("X-Amz-Security-Token"));
        var verification = SignatureCheck.Verify(request, BackoffClock.Epoch, "us-east-1", temporary);
        Assert.True(verification.IsValid, verification.Failure?.Message);
    }

    [Fact]
    public async Task PollForJobsAsync_EndpointWithPath_PostsToThatPath()
    {
        await using var harness = await ClientHarness.StartAsync();
        var withPath = new Uri(harness.Server.Url, "/codepipeline/");
        var options = new Baton.CodePipeline.Client.CodePipelineClientOptions
        {
            Region = "eu-west-1",
            EndpointUrl = withPath,
            Credentials = ClientHarness.Credentials,
        };
        var client = new CodePipelineClient(harness.HttpClient, options, harness.Clock, () => 0);
        harness.Server.ThenJson(HttpStatusCode.OK, """{"jobs":[]}""");

        await client.PollForJobsAsync(ClientHarness.PollRequest);

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("/codepipeline/", request.RawTarget);
        Assert.True(SignatureCheck.Verify(request, BackoffClock.Epoch, "eu-west-1", ClientHarness.Credentials).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public async Task PutJobSuccessResultAsync_EmptyOrEmptyObjectBody_Completes(string body)
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenJson(HttpStatusCode.OK, body);

        await harness.Client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest
        {
            JobId = "11111111-2222-3333-4444-555555555555",
            ContinuationToken = "baton-token",
        });

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("CodePipeline_20150709.PutJobSuccessResult", request.Header("X-Amz-Target"));
        AssertJsonEqual("""{"jobId":"11111111-2222-3333-4444-555555555555","continuationToken":"baton-token"}""", request.Body);
    }

    [Fact]
    public async Task PollForJobsAsync_EmptyBody_IsAnEmptyResponse()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenJson(HttpStatusCode.OK, "");

        var response = await harness.Client.PollForJobsAsync(ClientHarness.PollRequest);

        Assert.Null(response.Jobs);
    }

    [Fact]
    public async Task PollForJobsAsync_MalformedSuccessBody_ThrowsInvalidDataWithoutRetrying()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenJson(HttpStatusCode.OK, """{"jobs": [""");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => harness.Client.PollForJobsAsync(ClientHarness.PollRequest));

        Assert.StartsWith("CodePipeline PollForJobs answered HTTP 200 with a body that is not a valid PollForJobsResponse", error.Message);
        Assert.Equal(1, harness.Server.Attempts);
    }

    private static void AssertJsonEqual(string expected, byte[] actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode),
            $"expected {expected}, got {JsonSerializer.Serialize(actualNode)}");
    }
}
