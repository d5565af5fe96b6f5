using System.IO.Compression;
using System.Net;
using System.Text;
using Baton.CodePipeline.Signing;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// The sample source: a small zip of the demo shop, uploaded through the emulator's S3 API with
/// signed requests (CreateBucket, then PutObject), as <c>aws s3 cp</c> would.
/// </summary>
internal static class DemoSource
{
    private static readonly SigV4Signer _signer = new();

    /// <summary>The zip's content: the shop's page and a note.</summary>
    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "index.html", "<!doctype html><title>Baton demo shop</title><h1>Baton demo shop</h1>\n");
            Add(zip, "README.txt", "The source of the Baton demo shop. The demo pipeline load-tests it before the release is approved.\n");
        }

        return buffer.ToArray();
    }

    /// <summary>Uploads the zip to <see cref="DemoPipeline.SourceBucket"/>/<see cref="DemoPipeline.SourceKey"/>.</summary>
    /// <param name="http">The HTTP client.</param>
    /// <param name="endpoint">The emulator's endpoint.</param>
    /// <param name="credentials">The credentials it accepts.</param>
    /// <param name="timeProvider">The signing clock.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The uploaded size in bytes.</returns>
    public static async Task<int> UploadAsync(HttpClient http, Uri endpoint, AwsCredentials credentials, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var zip = Zip();
        await SendAsync(http, HttpMethod.Put, new Uri(endpoint, $"/{DemoPipeline.SourceBucket}"), null, credentials, timeProvider, cancellationToken);
        await SendAsync(http, HttpMethod.Put, new Uri(endpoint, $"/{DemoPipeline.SourceBucket}/{DemoPipeline.SourceKey}"), zip, credentials, timeProvider, cancellationToken);
        return zip.Length;
    }

    private static async Task SendAsync(
        HttpClient http, HttpMethod method, Uri url, byte[]? body, AwsCredentials credentials, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body ?? []) };
        if (body is not null)
        {
            request.Content.Headers.ContentType = new("application/zip");
        }

        _signer.Sign(request, credentials, DemoServices.Region, "s3", timeProvider.GetUtcNow(), SigV4SigningOptions.S3);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new DemoException($"Uploading the sample source failed: S3 {method} {url.AbsolutePath} answered {(int)response.StatusCode}: {text}");
        }
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
    }
}
