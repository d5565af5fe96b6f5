using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Acceptance;

/// <summary>The emulator stopped in the middle of an execution and started again on the same <c>--data-dir</c>, driven by the real AWS CLI.</summary>
public sealed class AwsCliRestartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "baton-acceptance-data-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task AwsCli_RestartOnSameDataDirMidExecution_KeepsExecutionQueuedJobAndArtifactsAndCompletes()
    {
        string executionId;
        string firstJobId;
        byte[] sourceZip;
        await using (var before = await StartAsync())
        {
            using var cli = new AwsCli(before.Endpoint);
            await CliPipelineSteps.CreateActionTypeAsync(cli);
            await CliPipelineSteps.UploadSourceAsync(cli);
            sourceZip = await File.ReadAllBytesAsync(Path.Combine(cli.Directory, CliPipelineSteps.SourceKey));
            await CliPipelineSteps.CreatePipelineAsync(cli, "shop");
            executionId = await CliPipelineSteps.StartAsync(cli, "shop");
            var job = await CliPipelineSteps.PollJobAsync(cli);
            firstJobId = job.GetProperty("id").GetString()!;
            await cli.JsonAsync("codepipeline", "acknowledge-job", "--job-id", firstJobId, "--nonce", job.GetProperty("nonce").GetString()!);
            await cli.RunCheckedAsync("codepipeline", "put-job-success-result", "--job-id", firstJobId, "--continuation-token", "T1", "--execution-details", "externalExecutionId=run-7,percentComplete=50");
        }

        await using var after = await StartAsync();
        using var cli2 = new AwsCli(after.Endpoint);
        Assert.Equal("InProgress", await CliPipelineSteps.ExecutionStatusAsync(cli2, "shop", executionId));
        var next = await CliPipelineSteps.PollJobAsync(cli2);
        Assert.NotEqual(firstJobId, next.GetProperty("id").GetString());
        Assert.Equal("T1", next.GetProperty("data").GetProperty("continuationToken").GetString());
        var input = next.GetProperty("data").GetProperty("inputArtifacts")[0].GetProperty("location").GetProperty("s3Location");
        var downloaded = Path.Combine(cli2.Directory, "input.zip");
        await cli2.RunCheckedAsync("s3", "cp", $"s3://{input.GetProperty("bucketName").GetString()}/{input.GetProperty("objectKey").GetString()}", downloaded);
        Assert.Equal(sourceZip, await File.ReadAllBytesAsync(downloaded));
        Assert.Equal(50, (await CliPipelineSteps.ActionStateAsync(cli2, "shop")).GetProperty("latestExecution").GetProperty("percentComplete").GetInt32());
        await cli2.JsonAsync("codepipeline", "acknowledge-job", "--job-id", next.GetProperty("id").GetString()!, "--nonce", next.GetProperty("nonce").GetString()!);
        await cli2.RunCheckedAsync("codepipeline", "put-job-success-result", "--job-id", next.GetProperty("id").GetString()!);

        Assert.Equal("Succeeded", await CliPipelineSteps.ExecutionStatusAsync(cli2, "shop", executionId));
    }

    private Task<TestEmulator> StartAsync() => TestEmulator.StartAsync(o => o.DataDirectory = _dataDirectory);
}
