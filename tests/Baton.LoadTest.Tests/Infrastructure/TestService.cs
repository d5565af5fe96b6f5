using System.Net.Http.Headers;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Handler;
using Baton.LoadTest.Hosting;
using Baton.LoadTest.Running;
using Baton.LoadTest.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.LoadTest.Tests.Infrastructure;

/// <summary>The load-test service running in-process on 127.0.0.1:0, with two accounts.</summary>
public sealed class TestService : IAsyncDisposable
{
    public static readonly LoadTestAccount Alpha = new("alpha", "alpha-key-0001");
    public static readonly LoadTestAccount Beta = new("beta", "beta-key-0002");

    private TestService(WebApplication app, Uri url)
    {
        App = app;
        Url = url;
        Http = new HttpClient { BaseAddress = url };
        Client = new LoadTestServiceClient(new HttpClient());
    }

    public WebApplication App { get; }

    public Uri Url { get; }

    /// <summary>A plain client (no key set).</summary>
    public HttpClient Http { get; }

    /// <summary>The typed client (key per call).</summary>
    public LoadTestServiceClient Client { get; }

    public ITestStore Store => App.Services.GetRequiredService<ITestStore>();

    public TestChangeFeed Feed => App.Services.GetRequiredService<TestChangeFeed>();

    public ConnectedClients ConnectedClients => App.Services.GetRequiredService<ConnectedClients>();

    public static async Task<TestService> StartAsync(Func<LoadTestServiceOptions, LoadTestServiceOptions>? configure = null)
    {
        var options = new LoadTestServiceOptions { Port = 0, InMemory = true, Accounts = [Alpha, Beta] };
        options = configure?.Invoke(options) ?? options;
        var builder = LoadTestService.CreateBuilder(options);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = LoadTestService.BuildApp(builder);
        await app.StartAsync();
        return new TestService(app, LoadTestService.GetServiceUrl(app));
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, LoadTestAccount? account = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (account is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
        }

        return request;
    }

    public async Task<TestView> CreateAsync(CreateTestRequest request, LoadTestAccount? account = null, string? idempotencyKey = null) =>
        (await Client.CreateTestAsync(Url, (account ?? Alpha).ApiKey, request, idempotencyKey, CancellationToken.None)).Test;

    /// <summary>Waits (on the change feed, never on a timer) until the test satisfies <paramref name="done"/>.</summary>
    public async Task<TestView> WaitForAsync(string id, Func<TestView, bool> done, LoadTestAccount? account = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var next = Feed.NextChange;
            var view = await Client.GetTestAsync(Url, (account ?? Alpha).ApiKey, id, timeout.Token);
            if (done(view))
            {
                return view;
            }

            await next.WaitAsync(timeout.Token);
        }
    }

    public Task<TestView> WaitForEndAsync(string id, LoadTestAccount? account = null) =>
        WaitForAsync(id, v => v.Status is not (TestStatus.Queued or TestStatus.Running), account);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
