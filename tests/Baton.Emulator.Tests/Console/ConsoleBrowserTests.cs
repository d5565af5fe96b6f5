using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;
using Baton.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Baton.Emulator.Tests.Console;

[Collection(ChromiumCollection.Name)]
public sealed class ConsoleBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly List<string> _dialogs = [];
    private readonly List<string> _errors = [];
    private ConsoleEmulator _emulator = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ConsoleEmulator.StartAsync();
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _emulator.Endpoint.ToString() });
        _page = await _context.NewPageAsync();
        // Any alert, confirm or prompt means injected script ran: record it and fail the test.
        _page.Dialog += (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };
        // Script errors and CSP violations show up as console errors; the console makes none.
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_dialogs)
                {
                    _errors.Add(message.Text + " at " + message.Location);
                }
            }
        };
        _page.PageError += (_, error) =>
        {
            lock (_dialogs)
            {
                _errors.Add(error);
            }
        };
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task PipelinePage_CustomActionReportsProgress_DetailsLinkAppearsAndProgressBarFollows()
    {
        await _emulator.Engine.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        await _emulator.Engine.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("shop", Pipelines.LoadTestType()) });
        var executionId = await _emulator.StartExecutionAsync("shop");
        var first = await _emulator.PollAndAcknowledgeAsync(Pipelines.LoadTestType());

        await _page.GotoAsync("/console/pipelines/shop");
        var action = _page.Locator("li.action[data-action='LoadTest']");
        await Expect(action.Locator("[data-field='status']")).ToHaveTextAsync("InProgress");
        await Expect(action.Locator("a[data-field='details']")).ToHaveCountAsync(0);
        await Expect(action.Locator("a[data-field='entity']")).ToHaveAttributeAsync("href", "https://loadtest.example/projects/shop");

        await _emulator.ReportAsync(first, "t1", new ExecutionDetails { ExternalExecutionId = "run-42", PercentComplete = 40, Summary = "40% of the requests sent" });

        var details = action.Locator("a[data-field='details']");
        await Expect(details).ToBeVisibleAsync();
        await Expect(details).ToHaveAttributeAsync("href", "https://loadtest.example/projects/shop/runs/run-42");
        var progress = action.Locator("[data-field='progress']");
        await Expect(progress).ToHaveAttributeAsync("data-percent", "40");
        await Expect(progress.Locator("[data-field='percent']")).ToHaveTextAsync("40%");
        await Expect(action.Locator("[data-field='summary']")).ToHaveTextAsync("40% of the requests sent");

        var second = await _emulator.PollAndAcknowledgeAsync(Pipelines.LoadTestType());
        await _emulator.ReportAsync(second, "t2", new ExecutionDetails { PercentComplete = 80, Summary = "80% of the requests sent" });

        await Expect(progress).ToHaveAttributeAsync("data-percent", "80");
        await Expect(progress.Locator("[data-field='percent']")).ToHaveTextAsync("80%");
        await Expect(progress.Locator("progress")).ToHaveJSPropertyAsync("value", 80);

        var third = await _emulator.PollAndAcknowledgeAsync(Pipelines.LoadTestType());
        await _emulator.ReportAsync(third, null, new ExecutionDetails { PercentComplete = 100, Summary = "PASSED" });

        await Expect(action.Locator("[data-field='status']")).ToHaveTextAsync("Succeeded");
        await Expect(details).ToHaveAttributeAsync("href", "https://loadtest.example/projects/shop/runs/run-42");

        await _page.GotoAsync($"/console/pipelines/shop/executions/{executionId}");
        var jobs = _page.Locator("section[data-action-execution] tr[data-job]");
        await Expect(jobs).ToHaveCountAsync(3);
        await Expect(jobs.Nth(1)).ToContainTextAsync("2 chars");
        await Expect(jobs.Nth(2).Locator("[data-field='status']")).ToHaveTextAsync("Succeeded");
        AssertNoDialogsOrErrors();
    }

    [Fact]
    public async Task PipelinePage_ApproveClicked_StageAndExecutionSucceed()
    {
        await _emulator.Engine.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenApproval("gated") });
        var executionId = await _emulator.StartExecutionAsync("gated");

        await _page.GotoAsync("/console/pipelines/gated");
        var stage = _page.Locator("section.stage[data-stage='Approve']");
        await stage.Locator("input[name='summary']").FillAsync("ship it");
        await stage.Locator("button[data-command='approve']").ClickAsync();

        await Expect(stage.Locator("[data-field='stage-status']")).ToHaveTextAsync("Succeeded");
        await Expect(stage.Locator("[data-field='summary']")).ToHaveTextAsync("ship it");
        await Expect(stage.Locator("form.approval")).ToHaveCountAsync(0);
        var execution = await _emulator.Engine.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = "gated", PipelineExecutionId = executionId });
        Assert.Equal("Succeeded", execution.PipelineExecution!.Status);
        AssertNoDialogsOrErrors();
    }

    [Fact]
    public async Task Pages_HostileTextInSummariesUrlsAndErrors_ShownAsTextAndNoScriptRuns()
    {
        await _emulator.Engine.CreateCustomActionTypeAsync(ConsolePipelines.ReportDefinition());
        await _emulator.Engine.CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = ConsolePipelines.ReportThenApproval("hostile", ConsolePipelines.ReportType(), ConsolePipelines.LinkPayload),
        });
        var executionId = await _emulator.StartExecutionAsync("hostile");
        var job = await _emulator.PollAndAcknowledgeAsync(ConsolePipelines.ReportType());

        // Loaded first, so the hostile text arrives through the live refresh (the script's rendering).
        await _page.GotoAsync("/console/pipelines/hostile");
        var publish = _page.Locator("li.action[data-action='Publish']");
        await Expect(publish.Locator("[data-field='status']")).ToHaveTextAsync("InProgress");
        await _emulator.ReportAsync(job, "t", new ExecutionDetails { ExternalExecutionId = ConsolePipelines.ScriptPayload, PercentComplete = 5, Summary = ConsolePipelines.ImagePayload });
        await Expect(publish.Locator("[data-field='summary']")).ToHaveTextAsync(ConsolePipelines.ImagePayload);
        await Expect(publish.Locator("a[data-field='details']")).ToBeVisibleAsync();

        var next = await _emulator.PollAndAcknowledgeAsync(ConsolePipelines.ReportType());
        await _emulator.ReportAsync(next, null, new ExecutionDetails { Summary = ConsolePipelines.TitlePayload });
        var gate = _page.Locator("li.action[data-action='Gate']");
        await Expect(gate.Locator("button[data-command='approve']")).ToBeVisibleAsync();
        var token = (await _emulator.ActionStateAsync("hostile", "Approve", "Gate")).LatestExecution!.Token!;
        await _emulator.Engine.PutApprovalResultAsync(new PutApprovalResultRequest
        {
            PipelineName = "hostile",
            StageName = "Approve",
            ActionName = "Gate",
            Token = token,
            Result = new ApprovalResult { Status = ApprovalStatus.Rejected, Summary = ConsolePipelines.ScriptPayload },
        });

        await Expect(gate.Locator("[data-field='summary']")).ToHaveTextAsync(ConsolePipelines.ScriptPayload);
        await Expect(publish.Locator("[data-field='summary']")).ToHaveTextAsync(ConsolePipelines.TitlePayload);
        await AssertNothingInjectedAsync();

        // Reloaded, the same text comes from the server's rendering.
        await _page.ReloadAsync();
        await Expect(publish.Locator("[data-field='summary']")).ToHaveTextAsync(ConsolePipelines.TitlePayload);
        await Expect(gate.Locator("[data-field='summary']")).ToHaveTextAsync(ConsolePipelines.ScriptPayload);
        await Expect(gate.Locator("[data-field='error']")).ToContainTextAsync(ConsolePipelines.ScriptPayload);
        await Expect(publish.Locator("a[data-field='entity']")).ToHaveAttributeAsync("href", "https://report.example/" + ConsolePipelines.LinkPayload);
        await Expect(publish.Locator("a[data-field='details']")).ToHaveAttributeAsync("href", $"https://report.example/{ConsolePipelines.LinkPayload}/runs/{ConsolePipelines.ScriptPayload}");
        await AssertNothingInjectedAsync();

        await _page.GotoAsync($"/console/pipelines/hostile/executions/{executionId}");
        await Expect(_page.Locator("table.events")).ToContainTextAsync(ConsolePipelines.ScriptPayload);
        await Expect(_page.Locator("section[data-action-execution] .summary").First).ToBeVisibleAsync();
        await Expect(_page.GetByText(ConsolePipelines.TitlePayload).First).ToBeVisibleAsync();
        await AssertNothingInjectedAsync();
    }

    [Fact]
    public async Task PipelinePage_ExecutionUrlNotHttp_ShownAsTextNotLink()
    {
        await _emulator.Engine.CreateCustomActionTypeAsync(ConsolePipelines.ReportDefinition(executionUrlTemplate: "javascript:alert('{ExternalExecutionId}')"));
        await _emulator.Engine.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = ConsolePipelines.ReportThenApproval("links", ConsolePipelines.ReportType(), "docs") });
        await _emulator.StartExecutionAsync("links");
        var job = await _emulator.PollAndAcknowledgeAsync(ConsolePipelines.ReportType());

        await _page.GotoAsync("/console/pipelines/links");
        var publish = _page.Locator("li.action[data-action='Publish']");
        await Expect(publish.Locator("[data-field='status']")).ToHaveTextAsync("InProgress");
        await _emulator.ReportAsync(job, "t", new ExecutionDetails { ExternalExecutionId = "run-1", PercentComplete = 10 });

        await Expect(publish.Locator("span.unsafe-url[data-field='details']")).ToHaveTextAsync("javascript:alert('run-1')");
        await Expect(publish.Locator("a[data-field='details']")).ToHaveCountAsync(0);
        await _page.ReloadAsync();
        await Expect(publish.Locator("span.unsafe-url[data-field='details']")).ToHaveTextAsync("javascript:alert('run-1')");
        await Expect(publish.Locator("a[data-field='details']")).ToHaveCountAsync(0);
        AssertNoDialogsOrErrors();
    }

    private async Task AssertNothingInjectedAsync()
    {
        var injected = await _page.EvaluateAsync<int>("() => document.querySelectorAll('img, svg, script:not([src])').length");
        Assert.Equal(0, injected);
        Assert.DoesNotContain("pwned", await _page.TitleAsync(), StringComparison.Ordinal);
        AssertNoDialogsOrErrors();
    }

    private void AssertNoDialogsOrErrors()
    {
        lock (_dialogs)
        {
            Assert.Empty(_dialogs);
            Assert.Empty(_errors);
        }
    }
}
