using System.Text.Json;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Acceptance;

/// <summary>The real AWS CLI drives a custom action's whole job lifecycle against the emulator (SigV4 verified, real clock).</summary>
public sealed class AwsCliCustomJobTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;
    private AwsCli _cli = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        _cli = new AwsCli(_emulator.Endpoint);
        await CliPipelineSteps.CreateActionTypeAsync(_cli);
        await CliPipelineSteps.UploadSourceAsync(_cli);
        await CliPipelineSteps.CreatePipelineAsync(_cli, "shop");
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AwsCli_CustomJobWithTwoContinuations_SucceedsWithProgressAndExternalUrl()
    {
        var executionId = await CliPipelineSteps.StartAsync(_cli, "shop");

        var first = await CliPipelineSteps.PollJobAsync(_cli);
        Assert.Equal("shop", first.GetProperty("data").GetProperty("actionConfiguration").GetProperty("configuration").GetProperty("ProjectName").GetString());
        Assert.False(first.GetProperty("data").TryGetProperty("continuationToken", out _));
        await AcknowledgeAsync(first);
        await SucceedAsync(first, "T1", "summary=started,externalExecutionId=run-42,percentComplete=40");

        var second = await CliPipelineSteps.PollJobAsync(_cli);
        Assert.NotEqual(Id(first), Id(second));
        Assert.Equal("T1", second.GetProperty("data").GetProperty("continuationToken").GetString());
        var state = await CliPipelineSteps.ActionStateAsync(_cli, "shop");
        var latest = state.GetProperty("latestExecution");
        Assert.Equal("InProgress", latest.GetProperty("status").GetString());
        Assert.Equal(40, latest.GetProperty("percentComplete").GetInt32());
        Assert.Equal("http://127.0.0.1:1/runs/run-42", latest.GetProperty("externalExecutionUrl").GetString());
        Assert.Equal("http://127.0.0.1:1/projects/shop", state.GetProperty("entityUrl").GetString());
        await AcknowledgeAsync(second);
        await SucceedAsync(second, "T2", "summary=running,percentComplete=80");
        Assert.Equal(80, (await CliPipelineSteps.ActionStateAsync(_cli, "shop")).GetProperty("latestExecution").GetProperty("percentComplete").GetInt32());

        var third = await CliPipelineSteps.PollJobAsync(_cli);
        Assert.NotEqual(Id(second), Id(third));
        Assert.Equal("T2", third.GetProperty("data").GetProperty("continuationToken").GetString());
        await AcknowledgeAsync(third);
        await SucceedAsync(third, null, "summary=done,percentComplete=100");

        Assert.Equal("Succeeded", await CliPipelineSteps.ExecutionStatusAsync(_cli, "shop", executionId));
        Assert.Equal("Succeeded", (await CliPipelineSteps.ActionStateAsync(_cli, "shop")).GetProperty("latestExecution").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AwsCli_PutJobFailureResult_FailsActionAndExecutionWithTheMessage()
    {
        var executionId = await CliPipelineSteps.StartAsync(_cli, "shop");
        var job = await CliPipelineSteps.PollJobAsync(_cli);
        await AcknowledgeAsync(job);

        await _cli.RunCheckedAsync("codepipeline", "put-job-failure-result", "--job-id", Id(job), "--failure-details", "type=JobFailed,message=3 tests failed on shard 2");

        var latest = (await CliPipelineSteps.ActionStateAsync(_cli, "shop")).GetProperty("latestExecution");
        Assert.Equal("Failed", latest.GetProperty("status").GetString());
        Assert.Equal("3 tests failed on shard 2", latest.GetProperty("errorDetails").GetProperty("message").GetString());
        Assert.Equal("Failed", await CliPipelineSteps.ExecutionStatusAsync(_cli, "shop", executionId));
    }

    private static string Id(JsonElement job) => job.GetProperty("id").GetString()!;

    private async Task AcknowledgeAsync(JsonElement job)
    {
        var ack = await _cli.JsonAsync("codepipeline", "acknowledge-job", "--job-id", Id(job), "--nonce", job.GetProperty("nonce").GetString()!);
        Assert.Equal("InProgress", ack.GetProperty("status").GetString());
    }

    private async Task SucceedAsync(JsonElement job, string? continuationToken, string executionDetails)
    {
        List<string> arguments = ["codepipeline", "put-job-success-result", "--job-id", Id(job), "--execution-details", executionDetails];
        if (continuationToken is not null)
        {
            arguments.AddRange(["--continuation-token", continuationToken]);
        }

        await _cli.RunCheckedAsync([.. arguments]);
    }
}
