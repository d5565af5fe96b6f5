using Baton.Agent.Jobs;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Jobs;

public sealed class CustomJobServiceTests : IAsyncLifetime
{
    private const string JobId = "f4f4ff82-2d11-4be3-9d97-1a16c5f3b9a0";

    private static readonly ActionTypeId _type = new() { Category = "Test", Owner = "Custom", Provider = "BatonLoadTest", Version = "1" };

    private CodePipelineStub _stub = null!;

    public async Task InitializeAsync() => _stub = await CodePipelineStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task PollAsync_Jobs_SendsTypeBatchAndQueryParamAndReturnsJobsWithNonceAndData()
    {
        _stub.Answer("PollForJobs", """
            {"jobs":[{"id":"f4f4ff82-2d11-4be3-9d97-1a16c5f3b9a0","nonce":"3","accountId":"111111111111",
              "data":{"actionConfiguration":{"configuration":{"Target":"http://127.0.0.1/"}},"continuationToken":"bt1.abc"}}]}
            """);
        var service = new CustomJobService(_stub.Client, _type, new Dictionary<string, string> { ["Project"] = "web" });

        var jobs = await service.PollAsync(4, CancellationToken.None);

        var job = Assert.Single(jobs);
        Assert.Equal(new JobReference(JobId, IsThirdParty: false), job.Reference);
        Assert.Equal("3", job.Nonce);
        Assert.Equal("bt1.abc", job.Data!.ContinuationToken);
        var request = _stub.Request("PollForJobs");
        Assert.Equal("BatonLoadTest", request.GetProperty("actionTypeId").GetProperty("provider").GetString());
        Assert.Equal(4, request.GetProperty("maxBatchSize").GetInt32());
        Assert.Equal("web", request.GetProperty("queryParam").GetProperty("Project").GetString());
    }

    [Fact]
    public async Task AcknowledgeAsync_PolledJob_SendsNonceAndReturnsStatusWithThePolledData()
    {
        _stub.Answer("AcknowledgeJob", """{"status":"InProgress"}""");
        var data = new JobData { ContinuationToken = "bt1.abc" };
        var service = new CustomJobService(_stub.Client, _type);

        var claimed = await service.AcknowledgeAsync(new PolledJob(new JobReference(JobId, false), "3", data), CancellationToken.None);

        Assert.Equal(JobStatus.InProgress, claimed.Status);
        Assert.Same(data, claimed.Data);
        var request = _stub.Request("AcknowledgeJob");
        Assert.Equal(JobId, request.GetProperty("jobId").GetString());
        Assert.Equal("3", request.GetProperty("nonce").GetString());
    }

    [Fact]
    public async Task PutSuccessAsync_Continuation_SendsTokenAndExecutionDetails()
    {
        var service = new CustomJobService(_stub.Client, _type);

        await service.PutSuccessAsync(
            new JobReference(JobId, false),
            "bt1.next",
            new ExecutionDetails { ExternalExecutionId = "153245", PercentComplete = 40, Summary = "running" },
            currentRevision: null,
            outputVariables: null,
            CancellationToken.None);

        var request = _stub.Request("PutJobSuccessResult");
        Assert.Equal("bt1.next", request.GetProperty("continuationToken").GetString());
        Assert.Equal(40, request.GetProperty("executionDetails").GetProperty("percentComplete").GetInt32());
        Assert.False(request.TryGetProperty("outputVariables", out _));
    }

    [Fact]
    public async Task PutFailureAsync_Failure_SendsFailureDetails()
    {
        var service = new CustomJobService(_stub.Client, _type);

        await service.PutFailureAsync(
            new JobReference(JobId, false),
            new FailureDetails { Type = FailureType.ConfigurationError, Message = "bad", ExternalExecutionId = "153245" },
            CancellationToken.None);

        var details = _stub.Request("PutJobFailureResult").GetProperty("failureDetails");
        Assert.Equal("ConfigurationError", details.GetProperty("type").GetString());
        Assert.Equal("153245", details.GetProperty("externalExecutionId").GetString());
    }

    [Fact]
    public async Task PutSuccessAsync_JobAlreadyFinished_SurfacesInvalidJobStateException()
    {
        _stub.Answer("PutJobSuccessResult", """{"__type":"InvalidJobStateException","message":"job is Succeeded"}""", status: 400);
        var service = new CustomJobService(_stub.Client, _type);

        var ex = await Assert.ThrowsAnyAsync<CodePipelineServiceException>(async () =>
            await service.PutSuccessAsync(new JobReference(JobId, false), null, null, null, null, CancellationToken.None));

        Assert.Equal("InvalidJobStateException", ex.ErrorCode);
    }
}
