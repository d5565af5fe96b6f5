using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Console;
using Baton.Emulator.Tests.Infrastructure;
using Baton.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Baton.Emulator.Tests.Security;

/// <summary>
/// Hostile text a job worker controls — summaries, external execution ids, failure messages,
/// approval summaries — reaches every console page as text: in Debian Chromium no payload sets its
/// global, no dialog opens and no injected element exists, on first render and on live refresh.
/// Pipeline, stage and action names cannot carry markup (the model's patterns refuse it; the
/// corpus and fuzz tests prove that).
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class ConsoleScriptInjectionTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Img = "<img src=x onerror=\"window.__batonPwned='img'\">";
    private const string Script = "<script>window.__batonPwned='script'</script>";
    private const string Svg = "\"><svg onload=\"window.__batonPwned='svg'\">";

    private readonly List<string> _dialogs = [];
    private ConsoleEmulator _emulator = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ConsoleEmulator.StartAsync();
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _emulator.Endpoint.ToString() });
        _page = await _context.NewPageAsync();
        _page.Dialog += (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task ConsolePages_HostileWorkerText_RunNoScript()
    {
        await _emulator.Engine.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        await _emulator.Engine.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("hostile", Pipelines.LoadTestType()) });
        var executionId = await _emulator.StartExecutionAsync("hostile");
        var first = await _emulator.PollAndAcknowledgeAsync(Pipelines.LoadTestType());

        // Loaded before the hostile report, so the text also arrives through the live refresh.
        await _page.GotoAsync("/console/pipelines/hostile");
        await _emulator.ReportAsync(first, "t1", new ExecutionDetails { ExternalExecutionId = Svg, PercentComplete = 10, Summary = Img });
        var action = _page.Locator("li.action[data-action='LoadTest']");
        await Expect(action.Locator("[data-field='summary']")).ToHaveTextAsync(Img);
        await AssertNoScriptRanAsync();

        var second = await _emulator.PollAndAcknowledgeAsync(Pipelines.LoadTestType());
        await _emulator.Engine.PutJobFailureResultAsync(new PutJobFailureResultRequest
        {
            JobId = second.Id!,
            FailureDetails = new FailureDetails { Type = FailureType.JobFailed, Message = Script + Img, ExternalExecutionId = Svg },
        });

        foreach (var path in new[] { "/console", "/console/pipelines/hostile", $"/console/pipelines/hostile/executions/{executionId}" })
        {
            await _page.GotoAsync(path);
            await AssertNoScriptRanAsync();
        }

        await Expect(_page.Locator("body")).ToContainTextAsync(Script);
        Assert.Empty(_dialogs);
    }

    private async Task AssertNoScriptRanAsync()
    {
        Assert.Equal("undefined", await _page.EvaluateAsync<string>("() => typeof window.__batonPwned"));
        Assert.Equal(0, await _page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=x], [onerror], [onload]').length"));
    }
}
