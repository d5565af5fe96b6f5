using Baton.Cli.Commands.Pipeline;
using Baton.CodePipeline.Model;
using Spectre.Console;

namespace Baton.Cli.Tests.Commands;

public sealed class PipelineWatchViewTests
{
    private const string Id = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    [Fact]
    public void Update_SameSnapshotTwice_SecondTimeNothingIsNew()
    {
        var view = new PipelineWatchView();

        var first = view.Update(Snapshot("InProgress", 10, "starting"));
        var second = view.Update(Snapshot("InProgress", 10, "starting"));

        Assert.Equal(["web execution " + Id + ": InProgress", "Test/LoadTest: InProgress 10% - starting"], first);
        Assert.Empty(second);
    }

    [Fact]
    public void Update_ProgressChanges_OnlyTheActionLineIsNew()
    {
        var view = new PipelineWatchView();
        view.Update(Snapshot("InProgress", 10, "starting"));

        var lines = view.Update(Snapshot("InProgress", 60, "6s of 10s"));

        Assert.Equal(["Test/LoadTest: InProgress 60% - 6s of 10s"], lines);
        Assert.Equal(3, view.History.Count);
    }

    [Fact]
    public void Update_StageOfAnEarlierExecution_IsNotReported()
    {
        var view = new PipelineWatchView();
        var snapshot = Snapshot("InProgress", 10, "old run") with
        {
            State = new GetPipelineStateResponse
            {
                StageStates = [Stage("00000000-0000-0000-0000-000000000000", 10, "old run")],
            },
        };

        var lines = view.Update(snapshot);

        Assert.Equal(["web execution " + Id + ": InProgress"], lines);
    }

    [Fact]
    public void Render_Snapshot_DrawsProgressBarAndDetails()
    {
        var view = new PipelineWatchView();
        var snapshot = Snapshot("InProgress", 50, "half");
        view.Update(snapshot);
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 200;

        console.Write(view.Render(snapshot));

        var text = writer.ToString();
        Assert.Contains("##########---------- 50%", text);
        Assert.Contains("http://127.0.0.1/t/1", text);
        Assert.Contains("Test/LoadTest: InProgress 50% - half", text);
    }

    private static PipelineSnapshot Snapshot(string status, int percent, string summary) => new(
        "web",
        new PipelineExecution { PipelineExecutionId = Id, Status = status },
        new GetPipelineStateResponse { StageStates = [Stage(Id, percent, summary)] },
        []);

    private static StageState Stage(string executionId, int percent, string summary) => new()
    {
        StageName = "Test",
        LatestExecution = new StageExecution { PipelineExecutionId = executionId, Status = "InProgress" },
        ActionStates =
        [
            new ActionState
            {
                ActionName = "LoadTest",
                LatestExecution = new ActionExecution
                {
                    Status = "InProgress", PercentComplete = percent, Summary = summary, ExternalExecutionUrl = percent == 50 ? "http://127.0.0.1/t/1" : null,
                },
            },
        ],
    };
}
