using Baton.LoadTest.Contracts;
using Baton.LoadTest.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Baton.LoadTest.Tests.Security;

/// <summary>
/// The details page (the action's Details link) shows hostile test names as text in a real
/// browser: Debian Chromium at /usr/bin/chromium loads the page, no payload sets its global, no
/// dialog opens and no injected element exists. Playwright never downloads a browser.
/// </summary>
public sealed class DetailsPageScriptTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] _payloads =
    [
        "<img src=x onerror=\"window.__batonPwned='img'\">",
        "<script>window.__batonPwned='script'</script>",
        "\"><svg onload=\"window.__batonPwned='svg'\">",
        "</title><script>window.__batonPwned='title'</script>",
        "';window.__batonPwned='js';'",
    ];

    private TestService _service = null!;
    private TargetApp _target = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run 'apt-get install chromium' (never 'playwright install').");
        }

        _target = await TargetApp.StartAsync();
        _service = await TestService.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _service.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task DetailsPage_HostileTestNames_RunNoScript()
    {
        var dialogs = new List<string>();
        var page = await _browser.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };

        foreach (var payload in _payloads)
        {
            // Running tests too: their page carries the live-refresh script that renders the name again.
            var test = await _service.CreateAsync(new CreateTestRequest { Name = payload, TargetUrl = _target.At("/ok?q=" + Uri.EscapeDataString(payload)), Rate = 1, Duration = "30s" });

            await page.GotoAsync(new Uri(_service.Url, $"/tests/{test.Id}").AbsoluteUri);

            Assert.Contains(payload, await page.InnerTextAsync("body"), StringComparison.Ordinal);
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__batonPwned"));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=x], [onerror], [onload]').length"));
        }

        Assert.Empty(dialogs);
    }
}
