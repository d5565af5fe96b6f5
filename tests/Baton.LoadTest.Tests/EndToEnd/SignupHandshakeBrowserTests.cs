using System.Collections.Concurrent;
using System.Net.Http.Json;
using Baton.CodePipeline.Model;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Handler;
using Baton.LoadTest.Store;
using Baton.LoadTest.Tests.Infrastructure;
using Baton.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Baton.LoadTest.Tests.EndToEnd;

/// <summary>
/// The sign-up handshake as a user does it in Chromium: Connect in the emulator's console, the
/// service's sign-up page with CodePipeline's request, the account's key and the test
/// configuration, and back to the console; the next execution runs under that account.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SignupHandshakeBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Pipeline = "partner";
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private EndToEndStack _stack = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _stack = await EndToEndStack.StartAsync();
        _context = await chromium.Browser.NewContextAsync();
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Enqueue(error);
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _pageErrors.Enqueue(message.Text + " at " + message.Location);
            }
        };
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task Connect_FromConsoleThroughSignupPage_StoresTheClientForTheAccountAndTheNextExecutionRunsWithIt()
    {
        var target = _stack.Target.At("/ok");
        await _stack.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = LoadTestPipelines.SourceThenLoadTest(Pipeline, new Dictionary<string, string> { ["TargetUrl"] = target, ["Duration"] = "2s", ["Rate"] = "10" }),
        });
        var clients = await _stack.Http.GetFromJsonAsync<List<EmulatorClient>>(new Uri(_stack.EmulatorUrl, $"/_baton/third-party-clients?pipeline={Pipeline}"));
        var client = Assert.Single(clients!);
        var consoleUrl = new Uri(_stack.EmulatorUrl, $"/console/pipelines/{Pipeline}").AbsoluteUri;
        var signupUrl = new Uri(_stack.ServiceUrl, "signup").AbsoluteUri;

        await OpenSignupFromConsoleAsync();

        // The sign-up page got CodePipeline's request: this action's client id and its configuration.
        await Expect(_page.Locator("code").First).ToHaveTextAsync(client.ClientId);
        await Expect(_page.Locator("#TargetUrl")).ToHaveValueAsync(target);
        await Expect(_page.Locator("#Duration")).ToHaveValueAsync("2s");
        Assert.DoesNotContain(client.ClientToken, await _page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        // A wrong key is refused on the page, the form keeps what was typed.
        await _page.Locator("#apiKey").FillAsync("not-a-key-of-anyone");
        await _page.Locator("#Duration").FillAsync("3s");
        await _page.Locator("button[type='submit']").ClickAsync();
        await Expect(_page.Locator("#error-apiKey")).ToContainTextAsync("API key was not recognised");
        await Expect(_page.Locator("#Duration")).ToHaveValueAsync("3s");
        Assert.Null(await _stack.ConnectedClients.FindApiKeyAsync(client.ClientId, CancellationToken.None));

        await _page.Locator("#apiKey").FillAsync(TestService.Beta.ApiKey);
        await _page.Locator("#Rate").FillAsync("25");
        await _page.Locator("#Thresholds").FillAsync("errors<1%; p95<2s");
        await _page.Locator("button[type='submit']").ClickAsync();
        await _page.WaitForURLAsync(consoleUrl);
        await Expect(_page.Locator("li.action[data-action='LoadTest']")).ToBeVisibleAsync();

        // The vendor stored clientId → clientToken → account; the pipeline got the configuration.
        var stored = await _stack.Service.Services.GetRequiredService<ITestStore>().FindClientAsync(client.ClientId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(client.ClientToken, stored.ClientToken);
        Assert.Equal(TestService.Beta.Id, stored.AccountId);
        var pipeline = (await _stack.CodePipeline.GetPipelineAsync(new GetPipelineRequest { Name = Pipeline })).Pipeline!;
        Assert.Equal(2, pipeline.Version);
        var configuration = pipeline.Stages[1].Actions[0].Configuration!;
        Assert.Equal(target, configuration["TargetUrl"]);
        Assert.Equal("3s", configuration["Duration"]);
        Assert.Equal("25", configuration["Rate"]);
        Assert.Equal("errors<1%; p95<2s", configuration["Thresholds"]);
        Assert.False(configuration.ContainsKey("ApiKey"));

        // The next execution: the agent gets the job with the stored client token and runs the test as beta.
        var executionId = (await _stack.CodePipeline.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = Pipeline })).PipelineExecutionId!;
        var final = (await ActionProgress.FollowAsync(_stack.CodePipeline, Pipeline, executionId, TimeSpan.FromSeconds(60)))[^1];
        Assert.True(final.Status == "Succeeded", $"The action ended {final.Status}: {final.ErrorCode} {final.ErrorMessage}");
        Assert.StartsWith("PASSED ", final.Summary, StringComparison.Ordinal);
        var service = new LoadTestServiceClient(_stack.Http);
        var test = await service.GetTestAsync(_stack.ServiceUrl, TestService.Beta.ApiKey, final.ExternalExecutionId!, CancellationToken.None);
        Assert.Equal(TestStatus.Passed, test.Status);
        Assert.Equal(3, test.DurationSeconds);
        Assert.Equal(25, test.Rate);
        Assert.Equal(["errors<1%", "p95<2s"], test.Thresholds.Select(t => t.Expression));
        var other = await Assert.ThrowsAsync<LoadTestServiceException>(() => service.GetTestAsync(_stack.ServiceUrl, TestService.Alpha.ApiKey, test.Id, CancellationToken.None));
        Assert.Equal(LoadTestServiceErrorKind.NotFound, other.Kind);
        // The refused key is the only error the browser saw: the page answered it 400.
        var error = Assert.Single(_pageErrors);
        Assert.Contains("status of 400", error, StringComparison.Ordinal);
        Assert.Contains(signupUrl, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ClearingAFieldThePipelineSets_IsRefusedOnTheSignupPage()
    {
        await _stack.CodePipeline.CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = LoadTestPipelines.SourceThenLoadTest(Pipeline, new Dictionary<string, string> { ["TargetUrl"] = _stack.Target.At("/ok"), ["Duration"] = "2s", ["Users"] = "2" }),
        });
        await OpenSignupFromConsoleAsync();
        await Expect(_page.Locator("#Users")).ToHaveValueAsync("2");

        // Switching to the open model: the emulator would keep Users=2 next to Rate, so the page refuses.
        await _page.Locator("#apiKey").FillAsync(TestService.Alpha.ApiKey);
        await _page.Locator("#Users").FillAsync(string.Empty);
        await _page.Locator("#Rate").FillAsync("10");
        await _page.Locator("button[type='submit']").ClickAsync();

        await Expect(_page.Locator("#error-Users")).ToContainTextAsync("Users cannot be cleared here: the pipeline keeps its current value '2'");
        var client = (await _stack.Http.GetFromJsonAsync<List<EmulatorClient>>(new Uri(_stack.EmulatorUrl, $"/_baton/third-party-clients?pipeline={Pipeline}")))!.Single();
        Assert.Null(await _stack.Service.Services.GetRequiredService<ITestStore>().FindClientAsync(client.ClientId, CancellationToken.None));
        Assert.Equal(1, (await _stack.CodePipeline.GetPipelineAsync(new GetPipelineRequest { Name = Pipeline })).Pipeline!.Version);
    }

    // The user presses Connect on the pipeline page; the console hands the request over to the sign-up page.
    private async Task OpenSignupFromConsoleAsync()
    {
        await _page.GotoAsync(new Uri(_stack.EmulatorUrl, $"/console/pipelines/{Pipeline}").AbsoluteUri);
        await _page.Locator("li.action[data-action='LoadTest'] button[data-command='connect']").ClickAsync();
        try
        {
            await _page.WaitForURLAsync(new Uri(_stack.ServiceUrl, "signup").AbsoluteUri);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Connect did not reach the sign-up page; the browser is at {_page.Url}: {await _page.Locator("body").InnerTextAsync()}", ex);
        }
    }

    private sealed record EmulatorClient(string ClientId, string ClientToken, string PipelineName, string ActionName);
}
