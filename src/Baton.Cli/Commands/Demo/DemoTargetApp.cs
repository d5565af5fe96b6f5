using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// The sample web app the demo's load test targets, on a free port of 127.0.0.1:
/// <c>GET /</c> is a fast home page; <c>GET /checkout</c> is slow (600 ms) and answers
/// <c>503</c> to every fourth request, for the failing variant.
/// </summary>
internal static class DemoTargetApp
{
    /// <summary>The slow, failing endpoint.</summary>
    public const string CheckoutPath = "/checkout";

    /// <summary>How long the checkout takes.</summary>
    public static readonly TimeSpan CheckoutDelay = TimeSpan.FromMilliseconds(600);

    private const string HomePage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Baton demo shop</title></head>
        <body><h1>Baton demo shop</h1><p>The page the demo pipeline's load test requests.</p></body></html>
        """;

    /// <summary>Starts the app.</summary>
    /// <param name="timeProvider">The clock of the checkout's delay.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started app; dispose it to stop.</returns>
    public static async Task<WebApplication> StartAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var checkouts = 0L;
        app.MapGet("/", () => Results.Content(HomePage, "text/html; charset=utf-8"));
        app.MapGet(CheckoutPath, async (CancellationToken requestAborted) =>
        {
            await Task.Delay(CheckoutDelay, timeProvider, requestAborted);
            return Interlocked.Increment(ref checkouts) % 4 == 0
                ? Results.Text("The payment provider is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Text("Order placed.");
        });
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>Requests the home page once, so the first measured requests do not pay for start-up work.</summary>
    /// <param name="http">The HTTP client.</param>
    /// <param name="baseUrl">The app's base URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task WarmUpAsync(HttpClient http, Uri baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(baseUrl, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoException($"The sample app at {baseUrl} answered {(int)response.StatusCode} instead of its home page.");
        }
    }

    /// <summary>The base URL of a started app, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    /// <param name="app">The started app.</param>
    public static Uri BaseUrl(WebApplication app) => new($"http://127.0.0.1:{new Uri(app.Urls.First()).Port}/");
}
