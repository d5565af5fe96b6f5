using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.S3;
using Baton.Emulator.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Emulator.Tests.S3;

/// <summary>
/// A minimal web host on 127.0.0.1 with the S3 emulator mounted next to stand-ins for the
/// CodePipeline API (<c>POST /</c> with X-Amz-Target) and the admin API, like the real emulator.
/// </summary>
internal sealed class S3TestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private S3TestHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        Http = new HttpClient { BaseAddress = baseUri };
    }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    /// <summary>The headers of every request the host received, in order.</summary>
    public ConcurrentQueue<IHeaderDictionary> RequestHeaders { get; } = new();

    public IServiceProvider Services => _app.Services;

    public static async Task<S3TestHost> StartAsync(Action<S3EmulatorOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddS3Emulator(configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        S3TestHost? host = null;
        app.Use((context, next) =>
        {
            host!.RequestHeaders.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase)));
            return next(context);
        });
        app.UseS3Emulator();
        app.MapPost("/", (HttpRequest request) => Results.Text("codepipeline:" + request.Headers["X-Amz-Target"]));
        app.MapGet("/_baton/health", () => Results.Text("ok"));
        app.MapGet("/console/{**rest}", () => Results.Text("console"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host = new S3TestHost(app, new Uri(address.TrimEnd('/') + "/"));
        return host;
    }

    public AmazonS3Client CreateClient(string accessKey = "test", string secretKey = "test")
    {
        var config = new AmazonS3Config
        {
            ServiceURL = BaseUri.ToString().TrimEnd('/'),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        };
        return new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), config);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
