using System.Text.Json;
using Baton.Cli.Commands.Demo;
using Baton.Cli.Tests.Fakes;
using Baton.CodePipeline;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.LoadTest.Handler;

namespace Baton.Cli.Tests.Hosting;

/// <summary>
/// <c>baton agent --once</c> as a real process against the emulator: a custom BatonLoadTest
/// action's queued job is taken, run against the load-test service and reported. The endpoint
/// comes from the environment and the service URL from the command line, over a file that names
/// wrong ones, so the run also proves the configuration layering.
/// </summary>
public sealed class AgentOnceTests : IAsyncLifetime
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("baton-agent-once-");
    private readonly TargetServer _target = new();
    private readonly HttpClient _http = new();
    private DemoServices _services = null!;
    private CodePipelineClient _client = null!;

    public async Task InitializeAsync()
    {
        await _target.InitializeAsync();
        _services = await DemoServices.StartAsync(TimeProvider.System, CancellationToken.None);
        _client = _services.CreateClient(_http, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _target.DisposeAsync();
        _http.Dispose();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task AgentOnce_QueuedCustomJob_IsProcessedAndReported()
    {
        var definition = CodePipelineJson.Deserialize<CreateCustomActionTypeRequest>(
            System.Text.Encoding.UTF8.GetBytes(LoadTestActionType.DefinitionJson(_services.Service)));
        await _client.CreateCustomActionTypeAsync(definition);
        await _client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipeline(_target.Url) });
        await DemoSource.UploadAsync(_http, _services.Emulator, _services.Credentials, TimeProvider.System, CancellationToken.None);
        var execution = await _client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "agent-once" });
        Assert.Equal("InProgress", await LoadTestStatusAsync());
        var config = Path.Combine(_root.FullName, "agent.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Baton = new
            {
                Agent = new { StateDirectory = Path.Combine(_root.FullName, "state"), Artifacts = new { WorkDirectory = Path.Combine(_root.FullName, "artifacts") } },
                LoadTest = new { ActionType = "Test/Custom/BatonLoadTest/1", ServiceUrl = "http://127.0.0.1:9/" },
                CodePipeline = new { Region = "us-east-1", EndpointUrl = "http://127.0.0.1:9/" },
            },
        }));
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = _services.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = _services.Credentials.SecretAccessKey,
            ["AWS_ENDPOINT_URL_S3"] = _services.Emulator.ToString(),
            ["Baton__CodePipeline__EndpointUrl"] = _services.Emulator.ToString(),
        };

        var (exitCode, output) = await BatonProcess.RunAsync(
            environment, _root.FullName, TimeSpan.FromSeconds(60), "agent", "--config", config, "--once", "--", $"--Baton:LoadTest:ServiceUrl={_services.Service}");

        Assert.True(exitCode == ExitCodes.Success, output);
        Assert.Contains("Baton agent running Test/Custom/BatonLoadTest/1 once.", output);
        var details = (await _client.ListActionExecutionsAsync(new ListActionExecutionsRequest
        {
            PipelineName = "agent-once",
            Filter = new ActionExecutionFilter { PipelineExecutionId = execution.PipelineExecutionId },
        })).ActionExecutionDetails!;
        var loadTest = Assert.Single(details, d => d.ActionName == "LoadTest");
        Assert.True(loadTest.Status == "Succeeded", $"{loadTest.Status}: {loadTest.Output?.ExecutionResult?.ExternalExecutionSummary}\n{output}");
        Assert.Matches("^[0-9a-f-]{36}$", loadTest.Output?.ExecutionResult?.ExternalExecutionId ?? string.Empty);
        Assert.StartsWith($"{_services.Service}tests/", loadTest.Output!.ExecutionResult!.ExternalExecutionUrl, StringComparison.Ordinal);
    }

    private async Task<string?> LoadTestStatusAsync()
    {
        var state = await _client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = "agent-once" });
        return state.StageStates![1].ActionStates![0].LatestExecution?.Status;
    }

    private static PipelineDeclaration Pipeline(string target)
    {
        var demo = DemoPipeline.Declaration(new Dictionary<string, string>());
        var loadTest = new ActionDeclaration
        {
            Name = "LoadTest",
            ActionTypeId = LoadTestActionType.Custom,
            Configuration = new Dictionary<string, string>
            {
                ["TargetUrl"] = target,
                ["Duration"] = "2s",
                ["Rate"] = "5",
                ["Thresholds"] = "errors<50%",
                ["ApiKey"] = "baton-demo-key",
            },
            InputArtifacts = [new InputArtifact { Name = "SourceOutput" }],
        };
        return demo with
        {
            Name = "agent-once",
            Stages = [demo.Stages[0], new StageDeclaration { Name = "Test", Actions = [loadTest] }],
        };
    }
}
