using System.Collections.Concurrent;
using System.Text.Json;
using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Tests.Fakes;

/// <summary>
/// A CodePipeline endpoint on 127.0.0.1 that answers each operation with a canned JSON body and
/// records every request, so the job ports run over the real <see cref="CodePipelineClient"/>.
/// </summary>
internal sealed class CodePipelineStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Operation, JsonElement Body)> _requests = new();
    private readonly HttpClient _http = new();
    private readonly List<(string Operation, TaskCompletionSource<JsonElement> Arrived)> _waiters = [];

    private CodePipelineStub(WebApplication app)
    {
        _app = app;
        _app.MapPost("/", HandleAsync);
    }

    public IReadOnlyList<(string Operation, JsonElement Body)> Requests => [.. _requests];

    public IReadOnlyList<string> Operations => [.. _requests.Select(r => r.Operation)];

    public ICodePipelineClient Client { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    /// <summary>Sets the client options of an agent host to talk to this stub.</summary>
    public void Configure(CodePipelineClientOptions options)
    {
        options.Region = "us-east-1";
        options.EndpointUrl = Url;
        options.Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        options.MaxAttempts = 1;
    }

    /// <summary>The body of the first request of an operation, once it has arrived.</summary>
    public Task<JsonElement> WaitForRequestAsync(string operation)
    {
        var arrived = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            var earlier = _requests.FirstOrDefault(r => r.Operation == operation);
            if (earlier.Operation is not null)
            {
                return Task.FromResult(earlier.Body);
            }

            _waiters.Add((operation, arrived));
        }

        return arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public static async Task<CodePipelineStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var stub = new CodePipelineStub(builder.Build());
        await stub._app.StartAsync();
        var address = stub._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.Url = new Uri(address);
        stub.Client = new CodePipelineClient(
            stub._http,
            new CodePipelineClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = new Uri(address),
                Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                MaxAttempts = 1,
            },
            TimeProvider.System,
            () => 0.5);
        return stub;
    }

    public void Answer(string operation, string json, int status = 200) => _answers[operation] = (status, json);

    public JsonElement Request(string operation) => _requests.Single(r => r.Operation == operation).Body;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var operation = context.Request.Headers["X-Amz-Target"].ToString().Split('.')[^1];
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement.Clone();
        lock (_waiters)
        {
            _requests.Enqueue((operation, request));
            foreach (var waiter in _waiters.Where(w => w.Operation == operation).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Arrived.TrySetResult(request);
            }
        }

        var (status, json) = _answers.TryGetValue(operation, out var answer) ? answer : (200, "{}");
        context.Response.StatusCode = status;
        context.Response.ContentType = CodePipelineProtocol.ContentType;
        await context.Response.WriteAsync(json);
    }
}
