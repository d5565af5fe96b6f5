using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Baton.Cli.Tests.Fakes;

/// <summary>A Kestrel target on 127.0.0.1 for load tests: <c>GET /</c> answers 200 "ok".</summary>
public sealed class TargetServer : IAsyncLifetime
{
    private WebApplication? _app;

    public string Url { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/", () => Results.Text("ok"));
        await _app.StartAsync();
        Url = _app.Urls.First().TrimEnd('/') + "/";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
