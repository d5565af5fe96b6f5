using Baton.CodePipeline.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>
/// A Kestrel server on 127.0.0.1 that converts each request to <see cref="SigV4Request"/> the way the
/// emulator does (raw target, every header value, body hash or declared x-amz-content-sha256) and
/// answers with the verification outcome: <c>ok|access key|signed headers|body hash</c> or <c>fail|code|message</c>.
/// A request with <c>X-Test-Rules: s3</c> is verified with S3's rules.
/// </summary>
public sealed class VerifyingServer : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2025, 11, 29, 10, 0, 0, TimeSpan.Zero);

    public static readonly AwsCredentials Credentials = new("AKIDBATONTEST", "baton/secret+key");

    public static readonly AwsCredentials SessionCredentials = new("ASIABATONTEST", "temporary/secret", "session-token");

    private readonly SigV4Verifier _verifier = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var bodyHash = SigV4PayloadHash.Compute(body.ToArray());
        var s3 = request.Headers["X-Test-Rules"] == "s3";
        var declared = request.Headers[SigV4Constants.ContentSha256Header].ToString();
        var payloadHash = !s3 ? bodyHash : declared.Length > 0 ? declared : SigV4PayloadHash.UnsignedPayload;
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? string.Empty)));
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;

        var result = _verifier.Verify(
            SigV4Request.FromRawTarget(request.Method, rawTarget, headers, payloadHash),
            key => new[] { Credentials, SessionCredentials }.FirstOrDefault(c => c.AccessKeyId == key),
            Now,
            s3 ? SigV4VerifierOptions.ForS3("us-east-1") : SigV4VerifierOptions.ForService(CodePipelineProtocol.SigningName, "us-east-1"));

        await context.Response.WriteAsync(result.IsValid
            ? $"ok|{result.AccessKeyId}|{string.Join(';', result.SignedHeaders)}|{bodyHash}"
            : $"fail|{result.Failure.Code}|{result.Failure.Message}");
    }
}
