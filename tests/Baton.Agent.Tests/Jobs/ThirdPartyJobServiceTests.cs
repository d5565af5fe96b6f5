using Baton.Agent.Jobs;
using Baton.Agent.Options;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Tests.Jobs;

public sealed class ThirdPartyJobServiceTests : IAsyncLifetime
{
    private const string JobId = "0c6a3b5e-1111-4222-8333-944444444444";
    private const string ClientId = "7d1e2f3a-5555-4666-8777-988888888888";
    private const string ClientToken = "client-secret-token";

    private static readonly ActionTypeId _type = new() { Category = "Test", Owner = "ThirdParty", Provider = "BatonLoadTest", Version = "1" };

    private CodePipelineStub _stub = null!;
    private ThirdPartyJobService _service = null!;

    public async Task InitializeAsync()
    {
        _stub = await CodePipelineStub.StartAsync();
        var options = new AgentOptions { ClientTokens = new() { [ClientId] = ClientToken } };
        _service = new ThirdPartyJobService(_stub.Client, _type, new ConfigurationClientTokenProvider(new StaticOptionsMonitor(options)));
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task PollAsync_Jobs_ReturnsReferencesWithClientIds()
    {
        _stub.Answer("PollForThirdPartyJobs", """{"jobs":[{"clientId":"7d1e2f3a-5555-4666-8777-988888888888","jobId":"0c6a3b5e-1111-4222-8333-944444444444"}]}""");

        var job = Assert.Single(await _service.PollAsync(2, CancellationToken.None));

        Assert.Equal(new JobReference(JobId, IsThirdParty: true, ClientId), job.Reference);
        Assert.Null(job.Nonce);
        Assert.Equal(2, _stub.Request("PollForThirdPartyJobs").GetProperty("maxBatchSize").GetInt32());
    }

    [Fact]
    public async Task AcknowledgeAsync_PolledJob_GetsDetailsWithClientTokenThenAcknowledgesWithTheirNonce()
    {
        _stub.Answer("GetThirdPartyJobDetails", """
            {"jobDetails":{"id":"0c6a3b5e-1111-4222-8333-944444444444","nonce":"7",
              "data":{"actionConfiguration":{"configuration":{"Target":"http://127.0.0.1/"}},"pipelineContext":{"pipelineName":"web"}}}}
            """);
        _stub.Answer("AcknowledgeThirdPartyJob", """{"status":"InProgress"}""");

        var claimed = await _service.AcknowledgeAsync(new PolledJob(new JobReference(JobId, true, ClientId)), CancellationToken.None);

        Assert.Equal(["GetThirdPartyJobDetails", "AcknowledgeThirdPartyJob"], _stub.Operations);
        Assert.Equal(ClientToken, _stub.Request("GetThirdPartyJobDetails").GetProperty("clientToken").GetString());
        var ack = _stub.Request("AcknowledgeThirdPartyJob");
        Assert.Equal("7", ack.GetProperty("nonce").GetString());
        Assert.Equal(ClientToken, ack.GetProperty("clientToken").GetString());
        Assert.Equal(JobStatus.InProgress, claimed.Status);
        Assert.Equal("web", claimed.Data.PipelineContext!.PipelineName);
        Assert.Equal("http://127.0.0.1/", claimed.Data.ActionConfiguration!.Configuration!["Target"]);
    }

    [Fact]
    public async Task PutSuccessAsync_WithOutputVariables_ThrowsWithoutCallingCodePipeline()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await _service.PutSuccessAsync(
            new JobReference(JobId, true, ClientId), null, null, null, new Dictionary<string, string> { ["a"] = "b" }, CancellationToken.None));

        Assert.Contains("Third-party actions cannot return output variables", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task PutSuccessAndFailure_Job_CarryTheClientToken()
    {
        var job = new JobReference(JobId, true, ClientId);

        await _service.PutSuccessAsync(job, "bt1.next", new ExecutionDetails { PercentComplete = 10 }, null, null, CancellationToken.None);
        await _service.PutFailureAsync(job, new FailureDetails { Type = FailureType.JobFailed, Message = "m" }, CancellationToken.None);

        Assert.Equal(ClientToken, _stub.Request("PutThirdPartyJobSuccessResult").GetProperty("clientToken").GetString());
        Assert.Equal("bt1.next", _stub.Request("PutThirdPartyJobSuccessResult").GetProperty("continuationToken").GetString());
        Assert.Equal(ClientToken, _stub.Request("PutThirdPartyJobFailureResult").GetProperty("clientToken").GetString());
    }

    [Fact]
    public async Task AcknowledgeAsync_UnknownClientId_ThrowsSayingWhatToConfigureWithoutCallingCodePipeline()
    {
        var ex = await Assert.ThrowsAsync<ClientTokenNotFoundException>(async () =>
            await _service.AcknowledgeAsync(new PolledJob(new JobReference(JobId, true, "unknown-client")), CancellationToken.None));

        Assert.Equal("unknown-client", ex.ClientId);
        Assert.Contains("set Baton:Agent:ClientTokens:unknown-client", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    private sealed class StaticOptionsMonitor(AgentOptions value) : IOptionsMonitor<AgentOptions>
    {
        public AgentOptions CurrentValue => value;

        public AgentOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AgentOptions, string?> listener) => null;
    }
}
