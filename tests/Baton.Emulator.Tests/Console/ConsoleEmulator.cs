using System.Net;
using System.Text.RegularExpressions;
using Baton.CodePipeline.Model;
using Baton.Emulator.Console;
using Baton.Emulator.Engine;
using Baton.Emulator.Hosting;
using Baton.Emulator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Console;

/// <summary>
/// The emulator with its console on 127.0.0.1, built through the same public builder the host
/// uses. The test plays the job worker through the engine's own operations; fake time keeps the
/// timers still, so nothing changes unless the test makes it change.
/// </summary>
internal sealed partial class ConsoleEmulator : IAsyncDisposable
{
    private ConsoleEmulator(WebApplication app)
    {
        App = app;
        Endpoint = EmulatorHost.GetEndpoint(app);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Endpoint };
    }

    public WebApplication App { get; }

    public Uri Endpoint { get; }

    /// <summary>A client that does not follow redirects, to see the console's 303 answers.</summary>
    public HttpClient Http { get; }

    public PipelineEngine Engine => App.Services.GetRequiredService<PipelineEngine>();

    public static async Task<ConsoleEmulator> StartAsync()
    {
        var options = new EmulatorOptions { Port = 0, AccessKey = TestEmulator.AccessKey, SecretKey = TestEmulator.SecretKey, Region = TestEmulator.Region, RunTimer = false };
        var builder = EmulatorHost.CreateBuilder(options);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero)));
        builder.Logging.ClearProviders();
        var app = EmulatorHost.BuildApp(builder);
        // A no-op once EmulatorHost maps the console itself.
        app.MapEmulatorConsole();
        await app.StartAsync();
        var emulator = new ConsoleEmulator(app);
        await emulator.App.Services.GetRequiredService<Baton.Emulator.S3.EmulatedS3>().EnsureBucketAsync(Pipelines.SourceBucket);
        await emulator.App.Services.GetRequiredService<Baton.Emulator.S3.EmulatedS3>().PutObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, new MemoryStream("zip"u8.ToArray()));
        return emulator;
    }

    public Uri Url(string path) => new(Endpoint, path);

    public async Task<string> StartExecutionAsync(string pipeline) =>
        (await Engine.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = pipeline })).PipelineExecutionId!;

    /// <summary>Polls one job of a custom action type and acknowledges it, as a job worker would.</summary>
    public async Task<Job> PollAndAcknowledgeAsync(ActionTypeId type)
    {
        var job = Assert.Single((await Engine.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = type })).Jobs!);
        Assert.Equal("InProgress", (await Engine.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! })).Status);
        return job;
    }

    public Task ReportAsync(Job job, string? continuationToken, ExecutionDetails details) =>
        Engine.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id!, ContinuationToken = continuationToken, ExecutionDetails = details });

    public async Task<ActionState> ActionStateAsync(string pipeline, string stage, string action) =>
        (await Engine.GetPipelineStateAsync(new GetPipelineStateRequest { Name = pipeline })).StageStates!
            .Single(s => s.StageName == stage).ActionStates!.Single(a => a.ActionName == action);

    /// <summary>Loads a page and returns its HTML and the CSRF token it embeds.</summary>
    public async Task<(string Html, string Token)> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html}");
        return (html, CsrfMeta().Match(html).Groups[1].Value);
    }

    /// <summary>POSTs a console form.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    [GeneratedRegex("<meta name=\"baton-csrf\" content=\"([^\"]+)\">")]
    private static partial Regex CsrfMeta();
}
