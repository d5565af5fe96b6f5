using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baton.CodePipeline.Model;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Handler;
using Baton.LoadTest.Tests.Infrastructure;
using Baton.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Baton.LoadTest.Tests.EndToEnd;

/// <summary>
/// The acceptance of the load-test action: a pipeline (S3 source, then the action) runs in the
/// emulator, the agent drives the service's test through continuation steps, and the console's
/// Details link opens the service's page of that test.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class LoadTestPipelineTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private EndToEndStack _stack = null!;

    public async Task InitializeAsync() => _stack = await EndToEndStack.StartAsync();

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Pipeline_ThirtySecondTestWithinThresholds_ContinuesStepByStepThenSucceedsAndDetailsLinkShowsItsChart()
    {
        var executionId = await CreateConnectAndStartAsync("shop", Configuration("30s", "100", "p95<2s; errors<1%; rps>=50"));
        var following = ActionProgress.FollowAsync(_stack.CodePipeline, "shop", executionId, _deadline);

        // While it runs, the console shows the Details link; it opens the service's live page of the test.
        await using var context = await chromium.Browser.NewContextAsync();
        var console = await OpenAsync(context, new Uri(_stack.EmulatorUrl, "/console/pipelines/shop").AbsoluteUri);
        var link = console.Locator("li.action[data-action='LoadTest'] a[data-field='details']");
        await Expect(link).ToBeVisibleAsync();
        var details = await console.RunAndWaitForPopupAsync(() => link.ClickAsync());
        details.PageError += (_, error) => _pageErrors.Enqueue(error);
        details.Console += (_, message) => RecordError(message);
        await Expect(details.Locator("#status")).ToHaveTextAsync(new Regex("^(Queued|Running)$"));
        await Expect(details.Locator("#chart svg#chart-svg polyline#rps")).ToHaveCountAsync(1);
        await Expect(details.Locator("#status")).ToHaveTextAsync("Passed", new() { Timeout = (float)_deadline.TotalMilliseconds });
        // The page reloads itself once the test has ended: the final page has no script left.
        await Expect(details.Locator("script")).ToHaveCountAsync(0);

        var seen = await following;
        output.WriteLine(string.Join(Environment.NewLine, seen));
        var final = seen[^1];
        Assert.True(final.Status == "Succeeded", $"The action ended {final.Status}: {final.ErrorCode} {final.ErrorMessage}");
        Assert.Matches(PassedSummary(), final.Summary);
        var running = seen.Where(s => s.Status == "InProgress" && s.ExternalExecutionId is not null).ToList();
        var percents = running.Select(s => s.PercentComplete ?? 0).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.True(percents.Where(p => p is > 0 and < 100).Distinct().Count() >= 2, $"percentComplete did not rise step by step: {string.Join(", ", percents)}");
        Assert.Contains(running, s => s.Summary is not null && FiguresSummary().IsMatch(s.Summary));
        Assert.All(running, s => Assert.Equal(final.ExternalExecutionId, s.ExternalExecutionId));

        var jobs = await ActionProgress.JobsAsync(_stack, "shop", executionId);
        Assert.True(jobs.Count(j => j.GetProperty("continuationTokenLength").ValueKind == JsonValueKind.Number) >= 3, $"Fewer than 3 continuation steps: {jobs.Count} jobs");
        Assert.All(jobs, j => Assert.Equal("Succeeded", j.GetProperty("status").GetString()));

        // The Details link CodePipeline shows is the service's page of this very test.
        var testId = final.ExternalExecutionId!;
        var detailsUrl = new Uri(_stack.ServiceUrl, $"tests/{testId}").AbsoluteUri;
        var detail = Assert.Single(
            (await _stack.CodePipeline.ListActionExecutionsAsync(new ListActionExecutionsRequest { PipelineName = "shop", Filter = new ActionExecutionFilter { PipelineExecutionId = executionId } }))
                .ActionExecutionDetails!,
            d => d.ActionName == LoadTestPipelines.LoadTestAction);
        Assert.Equal(detailsUrl, detail.Output!.ExecutionResult!.ExternalExecutionUrl);
        Assert.Equal(detailsUrl, final.ExternalExecutionUrl);
        Assert.Equal(detailsUrl, await link.GetAttributeAsync("href"));
        Assert.Equal(detailsUrl, details.Url);
        var test = await new LoadTestServiceClient(_stack.Http).GetTestAsync(_stack.ServiceUrl, TestService.Alpha.ApiKey, testId, CancellationToken.None);
        Assert.Equal(TestStatus.Passed, test.Status);
        Assert.Equal("shop / Test / LoadTest", test.Name);

        await Expect(details.Locator("#summary")).ToHaveTextAsync(test.Summary);
        await Expect(details.Locator("main#test")).ToContainTextAsync($"Test {testId}");
        await Expect(details.Locator("#thresholds td.pass")).ToHaveCountAsync(3);
        var chart = details.Locator("#chart svg#chart-svg");
        await Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 30 }, $"The chart is not laid out: {box?.Width}x{box?.Height}");
        var points = (await chart.Locator("polyline#rps").GetAttributeAsync("points"))!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(points.Length >= 25, $"The requests/s line has {points.Length} points for a 30 s test.");
        Assert.True(await chart.Locator("polyline#rps").EvaluateAsync<double>("line => line.getTotalLength()") > 0);
        Assert.True(await chart.Locator("polyline#p95").EvaluateAsync<double>("line => line.getTotalLength()") > 0);
        Assert.True(_pageErrors.IsEmpty, string.Join(Environment.NewLine, _pageErrors));
    }

    [Fact]
    public async Task Pipeline_ThresholdsThatCannotHold_FailsNamingEachFailedThresholdWithItsMeasuredValue()
    {
        var executionId = await CreateConnectAndStartAsync("strict", Configuration("5s", "50", "p99<0ms; rps>=100000; errors<1%"));
        var seen = await ActionProgress.FollowAsync(_stack.CodePipeline, "strict", executionId, _deadline);
        output.WriteLine(string.Join(Environment.NewLine, seen));

        var final = seen[^1];
        Assert.Equal("Failed", final.Status);
        Assert.Equal("JobFailed", final.ErrorCode);
        var message = final.ErrorMessage!;
        var failed = FailedList().Match(message);
        Assert.True(failed.Success, $"No list of failed thresholds in: {message}");
        // Each clause as the user wrote it, with the value measured in its unit.
        Assert.Matches(Regex.Escape("p99<0ms") + @" \(measured [\d.,]+ ms\)", failed.Value);
        Assert.Matches(Regex.Escape("rps>=100000") + @" \(measured [\d.,]+ req/s\)", failed.Value);
        Assert.DoesNotContain("errors<1%", failed.Value, StringComparison.Ordinal);
        var test = await new LoadTestServiceClient(_stack.Http).GetTestAsync(_stack.ServiceUrl, TestService.Alpha.ApiKey, final.ExternalExecutionId!, CancellationToken.None);
        Assert.Equal(TestStatus.Failed, test.Status);
    }

    [Theory]
    [InlineData("Duration", "thirty seconds", "'Duration'")]
    [InlineData("TargetUrl", "http://load.example/", "property 'TargetUrl': ")]
    [InlineData("Duration", "2h", "property 'Duration': ")]
    [InlineData("Rate", "20000", "property 'Rate': ")]
    [InlineData("Thresholds", "p95<<300ms", "'Thresholds'")]
    public async Task Pipeline_ConfigurationChangedToInvalidAfterConnect_FailsWithConfigurationErrorNamingTheProperty(string property, string value, string named)
    {
        var configuration = Configuration("2s", "10", "errors<1%");
        await _stack.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = LoadTestPipelines.SourceThenLoadTest("edited", configuration) });
        await LoadTestPipelines.ConnectAsync(_stack, "edited", TestService.Alpha.ApiKey, configuration);
        var declaration = (await _stack.CodePipeline.GetPipelineAsync(new GetPipelineRequest { Name = "edited" })).Pipeline!;
        configuration[property] = value;
        await _stack.CodePipeline.UpdatePipelineAsync(new UpdatePipelineRequest { Pipeline = LoadTestPipelines.SourceThenLoadTest("edited", configuration) with { Version = declaration.Version } });
        var executionId = (await _stack.CodePipeline.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "edited" })).PipelineExecutionId!;

        var final = (await ActionProgress.FollowAsync(_stack.CodePipeline, "edited", executionId, _deadline))[^1];

        Assert.Equal("Failed", final.Status);
        Assert.Equal("ConfigurationError", final.ErrorCode);
        Assert.Contains(named, final.ErrorMessage, StringComparison.Ordinal);
        var tests = await new LoadTestServiceClient(_stack.Http).ListTestsAsync(_stack.ServiceUrl, TestService.Alpha.ApiKey, CancellationToken.None);
        Assert.Empty(tests);
    }

    private Dictionary<string, string> Configuration(string duration, string rate, string thresholds) => new()
    {
        ["TargetUrl"] = _stack.Target.At("/ok"),
        ["Duration"] = duration,
        ["Rate"] = rate,
        ["Thresholds"] = thresholds,
    };

    // Create the pipeline, connect its action to account alpha and start it.
    private async Task<string> CreateConnectAndStartAsync(string pipeline, Dictionary<string, string> configuration)
    {
        await _stack.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = LoadTestPipelines.SourceThenLoadTest(pipeline, configuration) });
        await LoadTestPipelines.ConnectAsync(_stack, pipeline, TestService.Alpha.ApiKey, configuration);
        return (await _stack.CodePipeline.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = pipeline })).PipelineExecutionId!;
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Enqueue(error);
        page.Console += (_, message) => RecordError(message);
        await page.GotoAsync(url);
        return page;
    }

    private void RecordError(IConsoleMessage message)
    {
        if (message.Type == "error")
        {
            _pageErrors.Enqueue(message.Text + " at " + message.Location);
        }
    }

    [GeneratedRegex(@"^PASSED [\d,.]+ req/s · p95 [\d,.]+ ms · [\d.]+% errors$")]
    private static partial Regex PassedSummary();

    [GeneratedRegex(@"^[\d,.]+ req/s · p95 [\d,.]+ ms · [\d.]+% errors$")]
    private static partial Regex FiguresSummary();

    [GeneratedRegex(@"^FAILED thresholds: [^·]+")]
    private static partial Regex FailedList();
}
