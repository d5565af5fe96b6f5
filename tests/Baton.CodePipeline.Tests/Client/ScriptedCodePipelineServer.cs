using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.CodePipeline.Tests.Client;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the OS) that records every request and
/// answers each with the next scripted response. An unscripted request gets HTTP 418 with
/// <c>UnscriptedRequest</c>, which no client retries, so a test that sends too much fails loudly.
/// </summary>
internal sealed class ScriptedCodePipelineServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    private ScriptedCodePipelineServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    public int Attempts => _requests.Count;

    /// <summary>Runs after a request is captured and before it is answered.</summary>
    public Action<CapturedRequest>? OnRequest { get; set; }

    public static async Task<ScriptedCodePipelineServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedCodePipelineServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Url = new Uri(address + "/");
        return server;
    }

    public ScriptedCodePipelineServer Then(Func<HttpContext, Task> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public ScriptedCodePipelineServer ThenJson(HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        Then(context => WriteAsync(context, status, CodePipelineProtocol.ContentType, json, headers));

    public ScriptedCodePipelineServer ThenError(HttpStatusCode status, string type, string message) =>
        ThenJson(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""", ("x-amzn-RequestId", $"req-{type}"));

    public ScriptedCodePipelineServer ThenText(HttpStatusCode status, string contentType, string text) =>
        Then(context => WriteAsync(context, status, contentType, text, []));

    /// <summary>Drops the connection without an answer, as a reset would.</summary>
    public ScriptedCodePipelineServer ThenAbort() => Then(context =>
    {
        context.Abort();
        return Task.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await CaptureAsync(context);
        _requests.Enqueue(request);
        OnRequest?.Invoke(request);
        if (_script.TryDequeue(out var respond))
        {
            await respond(context);
            return;
        }

        await WriteAsync(context, (HttpStatusCode)418, CodePipelineProtocol.ContentType,
            """{"__type":"UnscriptedRequest","message":"the test server has no answer scripted for this request"}""", []);
    }

    private static async Task<CapturedRequest> CaptureAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? string.Empty)))
            .ToList();
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        return new CapturedRequest(context.Request.Method, rawTarget, headers, body.ToArray());
    }

    private static async Task WriteAsync(
        HttpContext context, HttpStatusCode status, string contentType, string body, (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted);
    }
}
