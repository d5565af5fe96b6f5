using System.IO.Compression;
using System.Text;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// Artifacts through the emulator's S3 with each job's own credentials: the S3 source's ZIP is
/// read by a build action, whose uploaded output is read by a downstream action; a ZIP with a
/// path-traversal entry fails the action with a clear message and writes nothing outside.
/// </summary>
public sealed class ArtifactEndToEndTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private E2eEmulator _emulator = null!;

    private string WorkRoot => Path.Combine(_state.Path, "handler-work");

    public async Task InitializeAsync()
    {
        _emulator = await E2eEmulator.StartAsync();
        await _emulator.CreateCustomActionTypeAsync(E2ePipelines.Definition("E2eBuild", ActionCategory.Build));
        await _emulator.CreateCustomActionTypeAsync(E2ePipelines.Definition("E2eVerify", outputs: 0));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _state.Dispose();
    }

    [Theory]
    [InlineData(ActionOwner.Custom)]
    [InlineData(ActionOwner.ThirdParty)]
    public async Task SourceArtifactToBuildToVerify_DownstreamActionReadsTheUploadedOutput(string owner)
    {
        if (owner == ActionOwner.ThirdParty)
        {
            await _emulator.RegisterThirdPartyActionTypeAsync(E2ePipelines.Definition("E2eBuild", ActionCategory.Build));
            await _emulator.RegisterThirdPartyActionTypeAsync(E2ePipelines.Definition("E2eVerify", outputs: 0));
        }

        await _emulator.PutSourceAsync(E2ePipelines.Zip(("input.txt", "hello from source")));
        await _emulator.CreatePipelineAsync(E2ePipelines.SourceThen("artifacts",
        [
            new E2ePipelines.JobAction("Build", E2ePipelines.TypeId("E2eBuild", owner, ActionCategory.Build), Output: BuildHandler.Output),
            new E2ePipelines.JobAction("Verify", E2ePipelines.TypeId("E2eVerify", owner), Input: BuildHandler.Output),
        ]));
        await using var agent = await StartAgentAsync(owner, await _emulator.ClientTokenConfigurationAsync("artifacts"));

        var executionId = await _emulator.StartExecutionAsync("artifacts");
        var execution = await _emulator.WaitForExecutionAsync("artifacts", executionId, TimeSpan.FromSeconds(30), () => agent.Logs());

        Assert.Equal(PipelineExecutionStatus.Succeeded, execution.Status);
        var verify = await _emulator.ActionExecutionAsync("artifacts", executionId, "Verify");
        Assert.Equal("Read BuildOutput: built: hello from source", verify.Output!.ExecutionResult!.ExternalExecutionSummary);
        var build = await _emulator.ActionExecutionAsync("artifacts", executionId, "Build");
        var location = Assert.Single(build.Output!.OutputArtifacts!).S3location!;
        Assert.Equal(location.Key, Assert.Single(verify.Input!.InputArtifacts!).S3location!.Key);
        var uploaded = await _emulator.ReadObjectAsync(location.Bucket!, location.Key!);
        Assert.Equal("built: hello from source", ReadEntry(uploaded, "result.txt"));
    }

    [Fact]
    public async Task ZipSlipSourceArtifact_FailsTheActionWithAPathTraversalMessageAndWritesNothing()
    {
        await _emulator.PutSourceAsync(E2ePipelines.Zip(("input.txt", "hello"), ("../escaped.txt", "outside")));
        await _emulator.CreatePipelineAsync(E2ePipelines.SourceThen(
            "zipslip", new E2ePipelines.JobAction("Build", E2ePipelines.TypeId("E2eBuild", category: ActionCategory.Build), Output: BuildHandler.Output)));
        await using var agent = await StartAgentAsync();

        var executionId = await _emulator.StartExecutionAsync("zipslip");
        var execution = await _emulator.WaitForExecutionAsync("zipslip", executionId, TimeSpan.FromSeconds(30), () => agent.Logs());

        Assert.Equal(PipelineExecutionStatus.Failed, execution.Status);
        var action = (await _emulator.ActionStateAsync("zipslip", "StageBuild", "Build")).LatestExecution!;
        Assert.Equal(ActionExecutionStatus.Failed, action.Status);
        Assert.Equal(FailureType.JobFailed, action.ErrorDetails?.Code);
        Assert.Equal(
            "Input artifact 'SourceOutput' was rejected at entry '../escaped.txt': an entry name must not contain a '..' segment. None of its files were kept.",
            action.ErrorDetails?.Message);
        Assert.Empty(Directory.EnumerateFiles(_state.Path, "*.txt", SearchOption.AllDirectories));
    }

    private Task<InProcessAgent> StartAgentAsync(string owner = ActionOwner.Custom, IEnumerable<KeyValuePair<string, string?>>? configuration = null) =>
        InProcessAgent.StartAsync(
            _emulator,
            _state.Path,
            a => a.AddHandler<BuildHandler>($"Build/{owner}/E2eBuild/1").AddHandler<VerifyHandler>($"Test/{owner}/E2eVerify/1"),
            s => s.AddSingleton(new BuildHandler(WorkRoot)).AddSingleton(new VerifyHandler(WorkRoot)),
            configuration);

    private static string ReadEntry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
