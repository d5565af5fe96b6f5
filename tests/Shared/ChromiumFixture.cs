using Microsoft.Playwright;

namespace Baton.Testing;

/// <summary>
/// One headless Debian Chromium for a test project's browser tests; the file is linked into each
/// project that has them. Playwright drives the browser installed at <see cref="ExecutablePath"/>
/// and never downloads one; a machine without it fails these tests with instructions rather than
/// skipping them.
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
                $"Chromium is not installed at {ExecutablePath}. The browser tests drive the Debian package: run 'apt-get install chromium' (never 'playwright install').");
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
