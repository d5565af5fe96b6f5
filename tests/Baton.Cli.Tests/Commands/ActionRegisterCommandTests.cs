using Baton.Cli.Tests.Fakes;

namespace Baton.Cli.Tests.Commands;

public sealed class ActionRegisterCommandTests : IAsyncLifetime, IDisposable
{
    private const string Definition = """
        {
          "category": "Test",
          "provider": "BatonLoadTest",
          "version": "1",
          "settings": { "executionUrlTemplate": "http://127.0.0.1:5080/tests/{ExternalExecutionId}" },
          "inputArtifactDetails": { "minimumCount": 0, "maximumCount": 1 },
          "outputArtifactDetails": { "minimumCount": 0, "maximumCount": 0 }
        }
        """;

    private readonly CodePipelineStub _stub = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("baton-cli-tests-").FullName;

    public Task InitializeAsync() => _stub.InitializeAsync();

    public Task DisposeAsync() => _stub.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Register_ValidFile_CallsCreateCustomActionType()
    {
        var (exitCode, output) = await Run(Write(Definition));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Registered action type Test/Custom/BatonLoadTest/1.", output);
        var (_, body) = Assert.Single(_stub.Requests, r => r.Operation == "CreateCustomActionType");
        Assert.Equal("BatonLoadTest", body.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Register_ThirdParty_PostsTheDefinitionToTheAdminApi()
    {
        var (exitCode, output) = await Run(Write(Definition), "--third-party");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Registered action type Test/ThirdParty/BatonLoadTest/1.", output);
        var (_, body) = Assert.Single(_stub.Requests, r => r.Operation == "RegisterThirdParty");
        Assert.Equal("Test", body.GetProperty("category").GetString());
        Assert.DoesNotContain(_stub.Requests, r => r.Operation == "CreateCustomActionType");
    }

    [Fact]
    public async Task Register_InvalidJson_ExitsTwoWithLineAndPosition()
    {
        var path = Write("{\n  \"category\": \"Test\",\n  \"provider\": ,\n}");

        var (exitCode, output) = await Run(path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path} is not valid JSON at line 3, position 15", output);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Register_WrongMemberType_ExitsTwoNamingTheMember()
    {
        var (exitCode, output) = await Run(Write("""{ "category": "Test", "provider": "P", "version": 1 }"""));

        Assert.Equal(2, exitCode);
        Assert.Contains("$.version", output);
        Assert.Contains("line 1", output);
    }

    [Fact]
    public async Task Register_MissingRequiredMember_ExitsTwoWithTheModelMessage()
    {
        var (exitCode, output) = await Run(Write("""{ "category": "Test", "version": "1" }"""));

        Assert.Equal(2, exitCode);
        Assert.Contains("is not a valid action type definition", output);
        Assert.Contains("provider", output);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task Register_MissingFile_ExitsTwo()
    {
        var path = Path.Combine(_directory, "nope.json");

        var (exitCode, output) = await Run(path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"--file: '{path}' does not exist", output);
    }

    [Fact]
    public async Task Register_WithoutFile_ExitsTwo()
    {
        var (exitCode, output) = await CliRun.RunAsync("action", "register", "--endpoint-url", _stub.Endpoint);

        Assert.Equal(2, exitCode);
        Assert.Contains("--file is required", output);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"def-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task<(int ExitCode, string Output)> Run(string path, params string[] extra) =>
        CliRun.RunAsync(["action", "register", "--file", path, .. extra, "--endpoint-url", _stub.Endpoint, "--region", "us-east-1"]);
}
