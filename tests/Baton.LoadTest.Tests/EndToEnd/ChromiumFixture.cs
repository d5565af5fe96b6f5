using Microsoft.Playwright;

namespace Baton.LoadTest.Tests.EndToEnd;

/// <summary>
/// One headless Debian Chromium for the end-to-end browser tests. Playwright drives the browser
/// installed at <see cref="ExecutablePath"/> and never downloads one; a machine without it fails
/// these tests with instructions rather than skipping them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. The end-to-end browser tests drive the Debian package: run 'apt-get install chromium' (never 'playwright install').");
        }

        // The machine may be busy; auto-waiting assertions get time instead of failing early.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>
/// The end-to-end tests share one browser and run one after another: each runs real load for
/// seconds, and two at once on a small machine would only make both slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "LoadTest end to end";
}
