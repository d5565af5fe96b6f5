using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Baton.LoadTest.Tests.Infrastructure;

/// <summary>
/// A small Kestrel app to load, on 127.0.0.1:0: <c>/ok</c> answers 200, <c>/fail</c> 500 and
/// <c>/redirect</c> 302 to <see cref="RedirectTo"/>. It counts hits and can signal the first one.
/// </summary>
public sealed class TargetApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _firstHit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _hits;

    private TargetApp(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public Uri? RedirectTo { get; set; }

    public int Hits => Volatile.Read(ref _hits);

    public Task FirstHit => _firstHit.Task;

    public static async Task<TargetApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new TargetApp(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref target._hits);
            target._firstHit.TrySetResult();
            return next(context);
        });
        app.MapGet("/ok", () => "ok");
        app.MapGet("/fail", () => Results.StatusCode(500));
        app.MapGet("/redirect", () => Results.Redirect(target.RedirectTo!.AbsoluteUri));
        await app.StartAsync();
        target.Url = new Uri(app.Urls.First());
        return target;
    }

    public string At(string path) => new Uri(Url, path).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
