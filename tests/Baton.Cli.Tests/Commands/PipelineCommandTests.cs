using Baton.Cli.Tests.Fakes;

namespace Baton.Cli.Tests.Commands;

public sealed class PipelineCommandTests : IAsyncLifetime
{
    private readonly CodePipelineStub _stub = new();

    public Task InitializeAsync() => _stub.InitializeAsync();

    public Task DisposeAsync() => _stub.DisposeAsync();

    [Fact]
    public async Task Status_LatestExecution_RendersStagesActionsAndProgress()
    {
        var (exitCode, output) = await Run("status", "web");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Source", output);
        Assert.Contains("LoadTest", output);
        Assert.Contains("InProgress", output);
        Assert.Contains("40%", output);
        Assert.Contains("running 4s of 10s", output);
        Assert.Contains(CodePipelineStub.DetailsUrl, output);
    }

    [Fact]
    public async Task Status_Json_PrintsGetPipelineStateAnswer()
    {
        var (exitCode, output) = await Run("status", "web", "--json");

        Assert.True(exitCode == 0, output);
        Assert.StartsWith("{\"pipelineName\":\"web\"", output.Trim());
    }

    [Fact]
    public async Task Watch_ExecutionSucceeds_PrintsEachChangeAndExitsZero()
    {
        foreach (var status in new[] { "InProgress", "InProgress", "Succeeded" })
        {
            _stub.Script.Enqueue(status);
        }

        var (exitCode, output) = await Run("watch", "web", "--poll-interval", "10ms");

        Assert.True(exitCode == 0, output);
        var id = CodePipelineStub.ExecutionId;
        var expected = string.Join('\n',
            $"web execution {id}: InProgress",
            "Source/Source: Succeeded - revision 1",
            $"Test/LoadTest: InProgress 40% - running 4s of 10s | Details: {CodePipelineStub.DetailsUrl}",
            "Source/Source action execution ae-1 started: Succeeded",
            "Test/LoadTest action execution ae-2 started: InProgress (external id t-42)",
            $"web execution {id}: Succeeded",
            $"Test/LoadTest: Succeeded 100% - PASSED p95 12ms | Details: {CodePipelineStub.DetailsUrl}",
            "Test/LoadTest action execution ae-2 now: Succeeded (external id t-42)",
            $"Execution {id} ended: Succeeded.");
        Assert.Equal(expected, output.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Watch_ExecutionFails_ShowsTheErrorAndExitsOne()
    {
        _stub.Script.Enqueue("InProgress");
        _stub.Script.Enqueue("Failed");

        var (exitCode, output) = await Run("watch", "web", "--execution-id", CodePipelineStub.ExecutionId, "--poll-interval", "10ms");

        Assert.True(exitCode == 1, output);
        Assert.Contains("Test/LoadTest: Failed 100% - FAILED p95<1ms (error JobFailed: p95<1ms: 12ms)", output);
        Assert.Contains("ended: Failed.", output);
    }

    [Fact]
    public async Task Watch_TimeoutBeforeTheEnd_ExitsOne()
    {
        var (exitCode, output) = await Run("watch", "web", "--poll-interval", "10ms", "--timeout", "200ms");

        Assert.True(exitCode == 1, output);
        Assert.Contains("Timed out after 200ms", output);
    }

    [Fact]
    public async Task Status_ServiceError_ExitsFourWithTheErrorCode()
    {
        _stub.FailWith = "PipelineNotFoundException";

        var (exitCode, output) = await Run("status", "web");

        Assert.Equal(4, exitCode);
        Assert.Contains("PipelineNotFoundException (HTTP 400): The pipeline 'web' was not found.", output);
    }

    [Fact]
    public async Task Status_UnreachableEndpoint_ExitsFour()
    {
        var (exitCode, output) = await CliRun.RunAsync("pipeline", "status", "web", "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1");

        Assert.Equal(4, exitCode);
        Assert.Contains("could not be reached", output);
    }

    [Fact]
    public async Task Start_WithVariables_SendsThemAndPrintsTheExecutionId()
    {
        var (exitCode, output) = await Run("start", "web", "--variable", "env=staging", "--variable", "rate=5");

        Assert.True(exitCode == 0, output);
        Assert.Contains(CodePipelineStub.ExecutionId, output);
        var (_, body) = Assert.Single(_stub.Requests, r => r.Operation == "StartPipelineExecution");
        Assert.Equal("web", body.GetProperty("name").GetString());
        Assert.Equal("staging", body.GetProperty("variables")[0].GetProperty("value").GetString());
        Assert.Equal("rate", body.GetProperty("variables")[1].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("start|web|--variable|novalue", "'novalue' is not name=value")]
    [InlineData("status|bad name!|--json", "'bad name!' is not a pipeline name")]
    [InlineData("watch|web|--timeout|soon", "--timeout: 'soon' is not a duration")]
    [InlineData("status|web|--endpoint-url|not-a-url", "--endpoint-url: 'not-a-url' is not an absolute http or https URL")]
    public async Task Commands_InvalidArguments_ExitTwoWithWhatToFix(string arguments, string expected)
    {
        var (exitCode, output) = await CliRun.RunAsync(["pipeline", .. arguments.Split('|'), "--region", "us-east-1"]);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output);
    }

    private Task<(int ExitCode, string Output)> Run(params string[] args) =>
        CliRun.RunAsync(["pipeline", .. args, "--endpoint-url", _stub.Endpoint, "--region", "us-east-1"]);
}
