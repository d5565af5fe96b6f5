using System.Net.Http.Headers;
using System.Text;
using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Engine;
using Baton.Emulator.Hosting;
using Baton.Emulator.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Infrastructure;

/// <summary>
/// The emulator running in-process on 127.0.0.1 (a free port), with Baton's own CodePipeline
/// client pointed at it. With a <see cref="FakeTimeProvider"/> the background timer is off and
/// tests apply timers with <see cref="PipelineEngine.TickAsync"/>.
/// </summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string AccessKey = "test";
    public const string SecretKey = "test";
    public const string Region = "us-east-1";

    private static readonly SigV4Signer _signer = new();

    private TestEmulator(WebApplication app, EmulatorOptions options, TimeProvider time)
    {
        App = app;
        Options = options;
        Time = time;
        Endpoint = EmulatorHost.GetEndpoint(app);
        Http = new HttpClient { BaseAddress = Endpoint };
        Client = CreateClient(Endpoint, time);
    }

    public WebApplication App { get; }

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public Uri Endpoint { get; }

    public HttpClient Http { get; }

    public CodePipelineClient Client { get; }

    public PipelineEngine Engine => App.Services.GetRequiredService<PipelineEngine>();

    public EmulatedS3 S3 => App.Services.GetRequiredService<EmulatedS3>();

    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null, FakeTimeProvider? time = null)
    {
        var options = new EmulatorOptions { Port = 0, AccessKey = AccessKey, SecretKey = SecretKey, Region = Region, RandomSeed = 1234 };
        if (time is not null)
        {
            options.RunTimer = false;
        }

        configure?.Invoke(options);
        var builder = EmulatorHost.CreateBuilder(options);
        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        builder.Logging.ClearProviders();
        var app = EmulatorHost.BuildApp(builder);
        await app.StartAsync();
        return new TestEmulator(app, options, time ?? TimeProvider.System);
    }

    public static CodePipelineClient CreateClient(Uri endpoint, TimeProvider time, string secretKey = SecretKey) =>
        new(
            new HttpClient(),
            new CodePipelineClientOptions
            {
                Region = Region,
                EndpointUrl = endpoint,
                Credentials = new AwsCredentials(AccessKey, secretKey),
                MaxAttempts = 1,
            },
            time,
            () => 0.5);

    /// <summary>Sends a raw CodePipeline request: any target and body, signed unless told not to.</summary>
    public async Task<RawResponse> SendRawAsync(string? target, string body, bool sign = true, string secretKey = SecretKey, string accessKey = AccessKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(CodePipelineProtocol.ContentType);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        if (sign)
        {
            _signer.Sign(request, new AwsCredentials(accessKey, secretKey), Region, CodePipelineProtocol.SigningName, Time.GetUtcNow());
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new RawResponse(
            (int)response.StatusCode,
            text,
            response.Headers.TryGetValues(CodePipelineProtocol.RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null,
            response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Sends a signed S3 request with the given credentials.</summary>
    public async Task<HttpResponseMessage> SendS3Async(HttpMethod method, string bucket, string key, AwsCredentials credentials, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Endpoint, $"/{bucket}/{key}"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        _signer.Sign(request, credentials, Region, "s3", Time.GetUtcNow(), SigV4SigningOptions.S3);
        return await Http.SendAsync(request);
    }

    public async Task PutSourceObjectAsync(string bucket, string key, string content)
    {
        await S3.EnsureBucketAsync(bucket);
        await S3.PutObjectAsync(bucket, key, new MemoryStream(Encoding.UTF8.GetBytes(content)));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

internal sealed record RawResponse(int Status, string Body, string? RequestId, string? ContentType);
