using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Baton.Emulator.Tests.S3;

/// <summary>Wire-level behaviour checked with a plain HttpClient: routing, virtual hosts, errors, aws-chunked bodies.</summary>
public sealed class S3HttpProtocolTests : IAsyncLifetime
{
    /// <summary>CRC32 of "hello world" (0x0D4A1185), big-endian, base64.</summary>
    private const string HelloWorldCrc32 = "DUoRhQ==";

    private S3TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await S3TestHost.StartAsync();
        (await _host.Http.PutAsync("wire", null)).Dispose();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_WithXAmzTarget_IsLeftToTheCodePipelineApi()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}") };
        request.Headers.Add("X-Amz-Target", "CodePipeline_20150709.ListPipelines");

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal("codepipeline:CodePipeline_20150709.ListPipelines", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("x-amz-request-id"));
    }

    [Theory]
    [InlineData("_baton/health", "ok")]
    [InlineData("console/pipelines/demo", "console")]
    public async Task Request_UnderConsoleOrAdminPaths_IsLeftToTheHost(string path, string expected)
    {
        using var response = await _host.Http.GetAsync(path);

        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_VirtualHostStyle_AddressesTheBucketFromTheHost()
    {
        var port = _host.BaseUri.Port;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/folder/file.txt") { Content = new StringContent("virtual") };
        put.Headers.Host = $"wire.localhost:{port}";
        using var putResponse = await _host.Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, putResponse.StatusCode);

        using var pathStyle = await _host.Http.GetStringAsync("wire/folder/file.txt").ContinueWith(t => new StringContent(t.Result));
        Assert.Equal("virtual", await pathStyle.ReadAsStringAsync());

        using var list = new HttpRequestMessage(HttpMethod.Get, "/?list-type=2");
        list.Headers.Host = $"wire.s3.localhost:{port}";
        using var listResponse = await _host.Http.SendAsync(list);
        Assert.Contains("<Key>folder/file.txt</Key>", await listResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_IsS3XmlWithCodeMessageResourceAndRequestId()
    {
        using var response = await _host.Http.GetAsync("wire/missing-key");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var requestId = response.Headers.GetValues("x-amz-request-id").Single();
        var error = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Error", error.Name.LocalName);
        Assert.Equal("NoSuchKey", error.Element("Code")?.Value);
        Assert.Contains("missing-key", error.Element("Message")?.Value, StringComparison.Ordinal);
        Assert.Equal("/wire/missing-key", error.Element("Resource")?.Value);
        Assert.Equal(requestId, error.Element("RequestId")?.Value);
    }

    [Fact]
    public async Task Request_UnsupportedMethod_IsMethodNotAllowed()
    {
        using var response = await _host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, "wire/key"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("<Code>MethodNotAllowed</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_UnsupportedSubresource_IsNotImplemented()
    {
        using var response = await _host.Http.GetAsync("wire?versioning");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("<Code>NotImplemented</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutObject_UnsignedAwsChunkedWithTrailer_StoresDecodedBytes()
    {
        using var response = await PutChunkedAsync("chunked-ok", "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:" + HelloWorldCrc32 + "\r\n\r\n", decodedLength: 11);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HelloWorldCrc32, response.Headers.GetValues("x-amz-checksum-crc32").Single());
        Assert.Equal("hello world", await _host.Http.GetStringAsync("wire/chunked-ok"));
    }

    [Fact]
    public async Task PutObject_TrailerChecksumMismatch_IsBadDigestAndNothingStored()
    {
        using var response = await PutChunkedAsync("chunked-bad", "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n", decodedLength: 11);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadDigest");
        using var get = await _host.Http.GetAsync("wire/chunked-bad");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task PutObject_DecodedLengthMismatch_IsIncompleteBody()
    {
        using var response = await PutChunkedAsync("chunked-short", "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:" + HelloWorldCrc32 + "\r\n\r\n", decodedLength: 12);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "IncompleteBody");
    }

    [Theory]
    [InlineData("zz\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5\r\nhelloXX0\r\n\r\n")]
    public async Task PutObject_MalformedChunkFraming_IsInvalidArgument(string body)
    {
        using var response = await PutChunkedAsync("chunked-malformed", body, decodedLength: 5, trailer: false);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidArgument");
    }

    [Fact]
    public async Task PutObject_ChunkedBodyEndsEarly_IsIncompleteBody()
    {
        using var response = await PutChunkedAsync("chunked-truncated", "a\r\nhello", decodedLength: 10, trailer: false);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "IncompleteBody");
    }

    [Fact]
    public async Task PutObject_WrongContentMd5_IsBadDigest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "wire/md5") { Content = new StringContent("payload") };
        request.Content.Headers.ContentMD5 = new byte[16];

        using var response = await _host.Http.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadDigest");
    }

    [Fact]
    public async Task PutObject_UnsupportedEncryption_IsInvalidArgument()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "wire/sse") { Content = new StringContent("payload") };
        request.Headers.Add("x-amz-server-side-encryption", "rot13");

        using var response = await _host.Http.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidArgument");
    }

    [Fact]
    public async Task CompleteMultipartUpload_MalformedXml_IsMalformedXml()
    {
        using var create = await _host.Http.PostAsync("wire/mpu?uploads", null);
        var uploadId = XElement.Parse(await create.Content.ReadAsStringAsync()).Elements().Single(e => e.Name.LocalName == "UploadId").Value;

        using var response = await _host.Http.PostAsync($"wire/mpu?uploadId={uploadId}", new StringContent("<CompleteMultipartUpload><Part>"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "MalformedXML");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10001")]
    [InlineData("one")]
    public async Task UploadPart_BadPartNumber_IsInvalidArgument(string partNumber)
    {
        using var create = await _host.Http.PostAsync("wire/parts?uploads", null);
        var uploadId = XElement.Parse(await create.Content.ReadAsStringAsync()).Elements().Single(e => e.Name.LocalName == "UploadId").Value;

        using var response = await _host.Http.PutAsync($"wire/parts?partNumber={partNumber}&uploadId={uploadId}", new StringContent("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidArgument");
    }

    [Fact]
    public async Task GetObject_IfNoneMatchCurrentETag_IsNotModified()
    {
        using var put = await _host.Http.PutAsync("wire/cached", new StringContent("same"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "wire/cached");
        request.Headers.TryAddWithoutValidation("If-None-Match", put.Headers.ETag!.Tag);

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task PutObject_KeyWithEncodedSlashAndDoubleSlash_IsKeptExactly()
    {
        using var put = await _host.Http.PutAsync("wire/a%2Fb//c%20d+e", new StringContent("exact"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var list = await _host.Http.GetStringAsync("wire?list-type=2&prefix=a");

        Assert.Contains("<Key>a/b//c d+e</Key>", list, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PutChunkedAsync(string key, string body, long decodedLength, bool trailer = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "wire/" + key) { Content = new ByteArrayContent(Encoding.ASCII.GetBytes(body)) };
        request.Content.Headers.ContentEncoding.Add("aws-chunked");
        request.Headers.Add("x-amz-content-sha256", trailer ? "STREAMING-UNSIGNED-PAYLOAD-TRAILER" : "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        request.Headers.Add("x-amz-decoded-content-length", decodedLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (trailer)
        {
            request.Headers.Add("x-amz-trailer", "x-amz-checksum-crc32");
        }

        return await _host.Http.SendAsync(request);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal(code, XElement.Parse(body).Element("Code")?.Value);
    }
}
