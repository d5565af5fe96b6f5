using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baton.CodePipeline;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;
using Baton.Emulator.ThirdParty;

namespace Baton.Emulator.Tests.ThirdParty;

public sealed class ThirdPartyJobTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip");
        using var registered = await RegisterAsync(CodePipelineJson.Serialize(Pipelines.LoadTestDefinition()));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("partner", Pipelines.LoadTestType(ActionOwner.ThirdParty)) });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task ThirdPartyJob_EndToEnd_SucceedsWithClientTokenAndContinuation()
    {
        var client = await SingleClientAsync();
        await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "partner" });

        var polled = Assert.Single((await _emulator.Client.PollForThirdPartyJobsAsync(new PollForThirdPartyJobsRequest
        {
            ActionTypeId = Pipelines.LoadTestType(ActionOwner.ThirdParty),
            MaxBatchSize = 10,
        })).Jobs!);
        Assert.Equal(client.ClientId, polled.ClientId);
        var details = (await _emulator.Client.GetThirdPartyJobDetailsAsync(new GetThirdPartyJobDetailsRequest { JobId = polled.JobId!, ClientToken = client.ClientToken })).JobDetails!;
        Assert.Null(details.Data!.PipelineContext!.PipelineArn);
        Assert.Null(details.Data.PipelineContext.PipelineExecutionId);
        Assert.Equal("partner", details.Data.PipelineContext.PipelineName);
        Assert.NotNull(details.Data.ArtifactCredentials);
        var ack = await _emulator.Client.AcknowledgeThirdPartyJobAsync(new AcknowledgeThirdPartyJobRequest { JobId = polled.JobId!, Nonce = details.Nonce!, ClientToken = client.ClientToken });
        Assert.Equal("InProgress", ack.Status);
        await _emulator.Client.PutThirdPartyJobSuccessResultAsync(new PutThirdPartyJobSuccessResultRequest
        {
            JobId = polled.JobId!,
            ClientToken = client.ClientToken,
            ContinuationToken = "test-153245",
            ExecutionDetails = new ExecutionDetails { ExternalExecutionId = "153245", PercentComplete = 0 },
        });

        var next = Assert.Single((await _emulator.Client.PollForThirdPartyJobsAsync(new PollForThirdPartyJobsRequest { ActionTypeId = Pipelines.LoadTestType(ActionOwner.ThirdParty) })).Jobs!);
        Assert.NotEqual(polled.JobId, next.JobId);
        var nextDetails = (await _emulator.Client.GetThirdPartyJobDetailsAsync(new GetThirdPartyJobDetailsRequest { JobId = next.JobId!, ClientToken = client.ClientToken })).JobDetails!;
        Assert.Equal("test-153245", nextDetails.Data!.ContinuationToken);
        await _emulator.Client.AcknowledgeThirdPartyJobAsync(new AcknowledgeThirdPartyJobRequest { JobId = next.JobId!, Nonce = nextDetails.Nonce!, ClientToken = client.ClientToken });
        await _emulator.Client.PutThirdPartyJobSuccessResultAsync(new PutThirdPartyJobSuccessResultRequest { JobId = next.JobId!, ClientToken = client.ClientToken });

        var executions = await _emulator.Client.ListPipelineExecutionsAsync(new ListPipelineExecutionsRequest { PipelineName = "partner" });
        Assert.Equal("Succeeded", Assert.Single(executions.PipelineExecutionSummaries!).Status);
    }

    [Fact]
    public async Task ThirdPartyCalls_WrongClientToken_ThrowInvalidClientToken()
    {
        await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "partner" });
        var polled = Assert.Single((await _emulator.Client.PollForThirdPartyJobsAsync(new PollForThirdPartyJobsRequest { ActionTypeId = Pipelines.LoadTestType(ActionOwner.ThirdParty) })).Jobs!);

        await Assert.ThrowsAsync<InvalidClientTokenException>(() =>
            _emulator.Client.GetThirdPartyJobDetailsAsync(new GetThirdPartyJobDetailsRequest { JobId = polled.JobId!, ClientToken = "guess" }));
        await Assert.ThrowsAsync<InvalidClientTokenException>(() =>
            _emulator.Client.AcknowledgeThirdPartyJobAsync(new AcknowledgeThirdPartyJobRequest { JobId = polled.JobId!, Nonce = "1", ClientToken = "guess" }));
        await Assert.ThrowsAsync<InvalidClientTokenException>(() => _emulator.Client.PutThirdPartyJobFailureResultAsync(new PutThirdPartyJobFailureResultRequest
        {
            JobId = polled.JobId!,
            ClientToken = "guess",
            FailureDetails = new FailureDetails { Type = FailureType.JobFailed, Message = "x" },
        }));
    }

    [Fact]
    public async Task ThirdPartyJob_ThroughCustomJobOperations_IsNotFound()
    {
        await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "partner" });
        var polled = Assert.Single((await _emulator.Client.PollForThirdPartyJobsAsync(new PollForThirdPartyJobsRequest { ActionTypeId = Pipelines.LoadTestType(ActionOwner.ThirdParty) })).Jobs!);

        await Assert.ThrowsAsync<JobNotFoundException>(() => _emulator.Client.GetJobDetailsAsync(new GetJobDetailsRequest { JobId = polled.JobId! }));
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType(ActionOwner.ThirdParty) }));
        Assert.Contains("use PollForThirdPartyJobs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectHandshake_ReturnWithConfiguration_CreatesNewPipelineVersion()
    {
        using var start = await _emulator.Http.PostAsJsonAsync("/_baton/third-party-handshakes", new { pipelineName = "partner", actionName = "LoadTest" });
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var handshake = (await start.Content.ReadFromJsonAsync<HandshakeStart>(JsonSerializerOptions.Web))!;
        Assert.Equal("https://loadtest.example/connect", handshake.ConfigurationUrl);
        using var request = JsonDocument.Parse(handshake.Request);
        Assert.Equal((await SingleClientAsync()).ClientToken, request.RootElement.GetProperty("clientToken").GetString());
        Assert.Equal(handshake.CorrelationId, request.RootElement.GetProperty("correlationId").GetString());

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["correlationId"] = handshake.CorrelationId,
            ["configuration"] = "{\"Project\":\"checkout\"}",
        });
        using var returned = await _emulator.Http.PostAsync(new Uri(handshake.ReturnUrl).PathAndQuery, form);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);

        var pipeline = await _emulator.Client.GetPipelineAsync(new GetPipelineRequest { Name = "partner" });
        Assert.Equal(2, pipeline.Pipeline!.Version);
        var action = pipeline.Pipeline.Stages[1].Actions[0];
        Assert.Equal("checkout", action.Configuration!["Project"]);
        Assert.Equal("****", action.Configuration["ApiKey"]);
        using var reused = await _emulator.Http.PostAsync(new Uri(handshake.ReturnUrl).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["correlationId"] = handshake.CorrelationId }));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task RegisterThirdPartyActionType_InvalidDefinition_Answers400WithValidationMessage()
    {
        using var response = await RegisterAsync("{\"category\":\"Test\",\"provider\":\"Bad Name\",\"version\":\"1\",\"inputArtifactDetails\":{\"minimumCount\":0,\"maximumCount\":9},\"outputArtifactDetails\":{\"minimumCount\":0,\"maximumCount\":0}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("ValidationException", body, StringComparison.Ordinal);
        Assert.Contains("validation errors detected", body, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> RegisterAsync(string json) =>
        await _emulator.Http.PostAsync("/_baton/third-party-action-types", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<ThirdPartyClient> SingleClientAsync()
    {
        var clients = await _emulator.Http.GetFromJsonAsync<List<ThirdPartyClient>>("/_baton/third-party-clients?pipeline=partner", JsonSerializerOptions.Web);
        var client = Assert.Single(clients!);
        Assert.Equal("LoadTest", client.ActionName);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", client.ClientId);
        return client;
    }
}
