using System.Collections.Concurrent;
using System.IO.Compression;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Baton.Emulator.S3;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Tests.Artifacts;

/// <summary>
/// The Baton emulator's S3 API on 127.0.0.1, with a middleware in front of it that records every
/// request and can answer one in its place (to simulate expired credentials or a failing part).
/// </summary>
internal sealed class ArtifactS3Host : IAsyncDisposable
{
    public const string Bucket = "baton-artifact-store";

    private readonly WebApplication _app;

    private ArtifactS3Host(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers a request instead of the emulator when it returns <see langword="true"/>.</summary>
    public Func<HttpContext, Task<bool>>? Fault { get; set; }

    public EmulatedS3 Emulated => _app.Services.GetRequiredService<EmulatedS3>();

    public static async Task<ArtifactS3Host> StartAsync(Action<S3EmulatorOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddS3Emulator(configure);
        var app = builder.Build();
        var host = new ArtifactS3Host(app);
        app.Use(host.InterceptAsync);
        app.UseS3Emulator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUri = new Uri(address.TrimEnd('/') + "/");
        await host.Emulated.EnsureBucketAsync(Bucket);
        return host;
    }

    /// <summary>A client with the emulator's own credentials, for setting up and checking objects.</summary>
    public AmazonS3Client CreateAdminClient(string accessKey = "admin", string secretKey = "admin-secret") =>
        new(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
        {
            ServiceURL = BaseUri.ToString().TrimEnd('/'),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

    public async Task PutAsync(string key, byte[] content)
    {
        using var stream = new MemoryStream(content);
        await Emulated.PutObjectAsync(Bucket, key, stream);
    }

    /// <summary>The entries of the ZIP stored at <paramref name="key"/>, read with the admin client.</summary>
    public async Task<Dictionary<string, byte[]>> ReadZipAsync(string key)
    {
        using var admin = CreateAdminClient();
        using var response = await admin.GetObjectAsync(Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        buffer.Position = 0;
        using var archive = new ZipArchive(buffer, ZipArchiveMode.Read);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in archive.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync())
            {
                await stream.CopyToAsync(content);
            }

            entries[entry.FullName] = content.ToArray();
        }

        return entries;
    }

    public async Task<IReadOnlyList<string>> ListPendingUploadsAsync()
    {
        using var admin = CreateAdminClient();
        var uploads = (await admin.ListMultipartUploadsAsync(Bucket)).MultipartUploads ?? [];
        return [.. uploads.Select(u => u.Key)];
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync()
    {
        using var admin = CreateAdminClient();
        var listing = await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
        return [.. (listing.S3Objects ?? []).Select(o => o.Key)];
    }

    public IReadOnlyList<RecordedRequest> RequestsMatching(string method, string queryPart) =>
        [.. Requests.Where(r => r.Method == method && r.Query.Contains(queryPart, StringComparison.Ordinal))];

    /// <summary>Answers with an S3 error document, after reading the body so the client sees the answer, not a reset.</summary>
    public static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>fault</RequestId></Error>");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task InterceptAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        Requests.Enqueue(new RecordedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (Fault is { } fault && await fault(context))
        {
            return;
        }

        await next(context);
    }
}

/// <summary>One request the host received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The access key id of the request's signature.</summary>
    public string? AccessKeyId =>
        Headers.TryGetValue("Authorization", out var authorization) && authorization.Split("Credential=") is [_, var rest]
            ? rest.Split('/')[0]
            : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
