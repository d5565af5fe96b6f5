using System.Security.Cryptography;
using Baton.Agent.Journal;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// The agent as a separate process (Baton.TestAgent) stopped with SIGTERM in the middle of a step,
/// or killed with SIGKILL between acknowledging a job and reporting it; a restarted agent finishes
/// the action execution either way. The tests synchronise on the agent's stdout markers.
/// </summary>
public sealed class AgentProcessEndToEndTests : IAsyncLifetime
{
    private const string Pipeline = "process";
    private const string ActionType = "Test/Custom/E2eProcess/1";
    // Bounds on waits for another process or the emulator; only a hung test reaches them.
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _state = new();
    private readonly string _continuationKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private E2eEmulator _emulator = null!;

    private string StateDirectory => Path.Combine(_state.Path, "agent");

    private string JournalPath => Path.Combine(_state.Path, "agent", "journal.db");

    // Never created: a step blocked on it runs until the agent stops or dies.
    private string NeverFile => Path.Combine(_state.Path, "never");

    public async Task InitializeAsync()
    {
        _emulator = await E2eEmulator.StartAsync();
        await _emulator.PutSourceAsync(E2ePipelines.Zip(("input.txt", "hello")));
        await _emulator.CreateCustomActionTypeAsync(E2ePipelines.Definition("E2eProcess"));
        await _emulator.CreatePipelineAsync(E2ePipelines.SourceThen(Pipeline, new E2ePipelines.JobAction("Run", E2ePipelines.TypeId("E2eProcess"))));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task AgentStoppedWithSigtermMidStep_HandsTheJobBackAndARestartedAgentCompletesTheExecution()
    {
        string key;
        string blockedJob;
        string executionId;
        await using (var first = AgentProcess.Start(Arguments(blockOnStep: 3)))
        {
            await first.WaitForMarkerAsync("started", _deadline);
            executionId = await _emulator.StartExecutionAsync(Pipeline);
            (_, blockedJob, key) = Parse(await first.WaitForMarkerAsync("step-blocked step=3", _deadline));

            await first.TerminateAsync();

            Assert.Equal(0, await first.WaitForExitAsync(_deadline));
            Assert.Contains($"{AgentProcess.Marker} stopping", first.Output);
            Assert.DoesNotContain(first.Output, line => line.StartsWith($"{AgentProcess.Marker} step-end step=3", StringComparison.Ordinal));
        }

        var handedBack = (await _emulator.ActionStateAsync(Pipeline, "StageRun", "Run")).LatestExecution!;
        Assert.Equal(ActionExecutionStatus.InProgress, handedBack.Status);
        Assert.Equal(40, handedBack.PercentComplete);

        await using var second = AgentProcess.Start(Arguments(blockOnStep: 0));
        var execution = await _emulator.WaitForExecutionAsync(Pipeline, executionId, _deadline, second.Diagnostics);

        Assert.Equal(PipelineExecutionStatus.Succeeded, execution.Status);
        var rerun = StepsStarted(second);
        Assert.Equal([3, 4, 5], rerun.Select(s => s.Step));
        Assert.All(rerun, s => Assert.Equal(key, s.Key));
        Assert.NotEqual(blockedJob, rerun[0].JobId);
    }

    [Fact]
    public async Task AgentKilledAfterAckBeforeReport_RestartedWithTheSameJournal_ResumesTheSameJobAndSucceeds()
    {
        string blockedJob;
        string executionId;
        await using (var first = AgentProcess.Start(Arguments(blockOnStep: 2)))
        {
            await first.WaitForMarkerAsync("started", _deadline);
            executionId = await _emulator.StartExecutionAsync(Pipeline);
            (_, blockedJob, _) = Parse(await first.WaitForMarkerAsync("step-blocked step=2", _deadline));

            first.KillHard();

            Assert.NotEqual(0, await first.WaitForExitAsync(_deadline));
            Assert.DoesNotContain($"{AgentProcess.Marker} stopping", first.Output);
        }

        await using (var journal = SqliteJobJournal.Open(JournalPath))
        {
            var agentId = (await File.ReadAllTextAsync(Path.Combine(StateDirectory, Baton.Agent.Hosting.AgentIdentity.FileName))).Trim();
            var unreported = Assert.Single(await journal.ListUnreportedAsync(agentId, CancellationToken.None));
            Assert.Equal(blockedJob, unreported.JobId);
            Assert.Equal(2, unreported.Step);
        }

        await using var second = AgentProcess.Start(Arguments(blockOnStep: 0));
        var execution = await _emulator.WaitForExecutionAsync(Pipeline, executionId, _deadline, second.Diagnostics);

        Assert.Equal(PipelineExecutionStatus.Succeeded, execution.Status);
        var resumed = StepsStarted(second);
        Assert.Equal([2, 3, 4, 5], resumed.Select(s => s.Step));
        Assert.Equal(blockedJob, resumed[0].JobId);
    }

    private IEnumerable<string> Arguments(int blockOnStep) =>
    [
        $"--TestAgent:Endpoint={_emulator.Endpoint}",
        $"--TestAgent:ActionType={ActionType}",
        "--TestAgent:Steps=5",
        "--TestAgent:CheckAfter=00:00:00.100",
        $"--TestAgent:BlockOnStep={blockOnStep}",
        $"--TestAgent:BlockUntilFile={NeverFile}",
        $"--Baton:Agent:StateDirectory={StateDirectory}",
        $"--Baton:Agent:Journal:Path={JournalPath}",
        "--Baton:Agent:Continuation:Keys:0:Id=1",
        $"--Baton:Agent:Continuation:Keys:0:Key={_continuationKey}",
        "--Baton:Agent:Polling:IdlePollStart=00:00:00.010",
        "--Baton:Agent:Polling:IdlePollInterval=00:00:00.100",
        "--Baton:Agent:DrainTimeout=00:00:01",
        $"--Baton:Agent:Artifacts:WorkDirectory={Path.Combine(_state.Path, "artifacts")}",
        $"--TestAgent:ParentProcessId={Environment.ProcessId}",
    ];

    private static List<(int Step, string JobId, string Key)> StepsStarted(AgentProcess agent) =>
        [.. agent.Output.Where(l => l.StartsWith($"{AgentProcess.Marker} step-start ", StringComparison.Ordinal)).Select(Parse)];

    // "baton-test-agent step-start step=3 job=<id> key=<id>"
    private static (int Step, string JobId, string Key) Parse(string line)
    {
        var fields = line.Split(' ').Skip(2).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        return (int.Parse(fields["step"], System.Globalization.CultureInfo.InvariantCulture), fields["job"], fields["key"]);
    }
}
