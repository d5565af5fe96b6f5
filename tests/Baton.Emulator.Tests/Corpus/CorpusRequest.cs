using System.Net.Http.Headers;
using System.Text;
using Baton.CodePipeline;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Corpus;

/// <summary>
/// One raw request of the bad-input corpus, built field by field so that each case can get one
/// thing wrong: the body bytes, the target, the content type, the length, or the signature.
/// </summary>
internal sealed record CorpusRequest
{
    private static readonly SigV4Signer _signer = new();

    public string? Target { get; init; } = CodePipelineProtocol.Target("ListPipelines");

    public byte[] Body { get; init; } = "{}"u8.ToArray();

    public string? ContentType { get; init; } = CodePipelineProtocol.ContentType;

    /// <summary>Sent without Content-Length (chunked), so only the streaming read can catch an oversized body.</summary>
    public bool Chunked { get; init; }

    public bool Sign { get; init; } = true;

    public AwsCredentials Credentials { get; init; } = new(TestEmulator.AccessKey, TestEmulator.SecretKey);

    public string Region { get; init; } = TestEmulator.Region;

    public string Service { get; init; } = CodePipelineProtocol.SigningName;

    /// <summary>The signing time relative to the emulator's clock.</summary>
    public TimeSpan SignedAgo { get; init; }

    /// <summary>Changes the request after signing (a replayed signature on other content).</summary>
    public Action<HttpRequestMessage>? AfterSigning { get; init; }

    /// <summary>Replaces the Authorization header after signing.</summary>
    public string? Authorization { get; init; }

    public static CorpusRequest Json(string operation, string json) =>
        new() { Target = CodePipelineProtocol.Target(operation), Body = Encoding.UTF8.GetBytes(json) };

    public async Task<RawResponse> SendAsync(TestEmulator emulator)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, emulator.Endpoint)
        {
            Content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body),
        };
        if (ContentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }

        if (Target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", Target);
        }

        if (Sign)
        {
            _signer.Sign(request, Credentials, Region, Service, emulator.Time.GetUtcNow() - SignedAgo);
        }

        AfterSigning?.Invoke(request);
        if (Authorization is not null)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        if (Chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await emulator.Http.SendAsync(request);
        return new RawResponse(
            (int)response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues(CodePipelineProtocol.RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null,
            response.Content.Headers.ContentType?.MediaType);
    }
}
