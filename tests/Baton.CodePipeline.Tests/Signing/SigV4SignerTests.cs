using System.Text;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>Client-side signing of HttpRequestMessage: host, body buffering, headers, options.</summary>
public class SigV4SignerTests
{
    private static readonly DateTimeOffset _now = new(2025, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly AwsCredentials _credentials = new("AKIDBATON", "baton-secret");

    private readonly SigV4Signer _signer = new();

    [Theory]
    [InlineData("http://127.0.0.1:8443/", "127.0.0.1:8443")]
    [InlineData("https://codepipeline.us-east-1.amazonaws.com/", "codepipeline.us-east-1.amazonaws.com")]
    [InlineData("http://localhost:80/", "localhost")]
    [InlineData("http://[::1]:5000/", "[::1]:5000")]
    public void Sign_RequestWithoutHost_SetsAndSignsTheHostItWillCarry(string target, string expectedHost)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target);

        var result = _signer.Sign(request, _credentials, "us-east-1", "codepipeline", _now);

        Assert.Equal(expectedHost, request.Headers.Host);
        Assert.Contains($"\nhost:{expectedHost}\n", result.CanonicalRequest);
    }

    [Fact]
    public void Sign_JsonRequest_AddsDateAndAuthorizationAndSignsTheBody()
    {
        using var request = JsonRequest("""{"actionTypeId":{}}""");

        var result = _signer.Sign(request, _credentials, "us-east-1", "codepipeline", _now);

        Assert.Equal("20251129T100000Z", Single(request, "X-Amz-Date"));
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDBATON/20251129/us-east-1/codepipeline/aws4_request, SignedHeaders={result.SignedHeaders}, Signature={result.Signature}",
            Single(request, "Authorization"));
        Assert.Equal("content-length;content-type;host;x-amz-date;x-amz-target", result.SignedHeaders);
        Assert.EndsWith(SigV4PayloadHash.Compute(Encoding.UTF8.GetBytes("""{"actionTypeId":{}}""")), result.CanonicalRequest);
        Assert.False(request.Headers.Contains("X-Amz-Security-Token"));
    }

    [Fact]
    public void Sign_SessionCredentials_AddsAndSignsTheSecurityToken()
    {
        using var request = JsonRequest("{}");

        var result = _signer.Sign(request, new AwsCredentials("ASIABATON", "secret", "the-token"), "us-east-1", "codepipeline", _now);

        Assert.Equal("the-token", Single(request, "X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", result.SignedHeaders);
    }

    [Fact]
    public async Task Sign_ForwardOnlyStreamContent_BuffersSoTheBodyCanStillBeSent()
    {
        var body = Encoding.UTF8.GetBytes("streamed body that can be read once");
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:9000/bucket/key")
        {
            Content = new StreamContent(new ForwardOnlyStream(body)),
        };
        request.Content.Headers.ContentType = new("text/plain");

        var result = _signer.Sign(request, _credentials, "us-east-1", "s3", _now, SigV4SigningOptions.S3);

        Assert.Equal(body, await request.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", request.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SigV4PayloadHash.Compute(body), Single(request, "X-Amz-Content-Sha256"));
        Assert.EndsWith(SigV4PayloadHash.Compute(body), result.CanonicalRequest);
    }

    [Fact]
    public async Task SignAsync_SameRequest_SignsLikeSign()
    {
        using var first = JsonRequest("{\"a\":1}");
        using var second = JsonRequest("{\"a\":1}");

        var synchronous = _signer.Sign(first, _credentials, "us-east-1", "codepipeline", _now);
        var asynchronous = await _signer.SignAsync(second, _credentials, "us-east-1", "codepipeline", _now);

        Assert.Equal(synchronous.Signature, asynchronous.Signature);
    }

    [Fact]
    public void Sign_SignedTwice_KeepsOnlyTheLatestSignature()
    {
        using var request = JsonRequest("{}");

        _signer.Sign(request, _credentials, "us-east-1", "codepipeline", _now);
        var second = _signer.Sign(request, _credentials, "us-east-1", "codepipeline", _now.AddSeconds(30));

        Assert.Equal("20251129T100030Z", Single(request, "X-Amz-Date"));
        Assert.EndsWith(second.Signature, Single(request, "Authorization"));
    }

    [Fact]
    public void Sign_UnsignedPayload_NeitherReadsNorHashesTheBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:9000/bucket/key")
        {
            Content = new StreamContent(new ForwardOnlyStream([1, 2, 3], throwOnRead: true)),
        };

        var result = _signer.Sign(request, _credentials, "us-east-1", "s3", _now, SigV4SigningOptions.S3 with { UnsignedPayload = true });

        Assert.EndsWith("\nUNSIGNED-PAYLOAD", result.CanonicalRequest);
        Assert.Equal("UNSIGNED-PAYLOAD", Single(request, "X-Amz-Content-Sha256"));
    }

    [Fact]
    public void Sign_RelativeUri_ThrowsNamingTheProblem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/relative", UriKind.Relative));

        var error = Assert.Throws<ArgumentException>(() => _signer.Sign(request, _credentials, "us-east-1", "codepipeline", _now));

        Assert.Contains("absolute RequestUri", error.Message);
    }

    [Fact]
    public void Sign_NeutralRequestWithoutHost_ThrowsNamingTheHost()
    {
        var request = new SigV4Request("GET", "/", null, [], SigV4PayloadHash.EmptyBody);

        var error = Assert.Throws<ArgumentException>(() => _signer.Sign(request, _credentials, "us-east-1", "service", _now));

        Assert.Contains("no Host header", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(604_801)]
    public void Presign_ExpiryOutsideOneSecondToSevenDays_Throws(int seconds)
    {
        var request = new SigV4Request("GET", "/", null, [new("Host", "example.com")], SigV4PayloadHash.UnsignedPayload);

        Assert.Throws<ArgumentOutOfRangeException>(
            () => _signer.Presign(request, _credentials, "us-east-1", "s3", _now, TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(false, "/bucket//a%20b/./c~%7e", "/bucket//a%20b/./c~~")]
    [InlineData(true, "/bucket//a%20b/./c~%7e", "/bucket/a%2520b/c~%257e")]
    [InlineData(true, "/a/b/../c/.", "/a/c/")]
    [InlineData(false, "/caf%C3%A9/%2Fslash", "/caf%C3%A9/%2Fslash")]
    public void CanonicalPath_ServiceRules_EncodesAsTheServiceExpects(bool defaultRules, string rawPath, string expected)
    {
        var options = defaultRules ? SigV4SigningOptions.Default : SigV4SigningOptions.S3;

        Assert.Equal(expected, CanonicalRequest.CanonicalPath(rawPath, options));
    }

    [Theory]
    [InlineData("b=2&a=2&a=1&c", "a=1&a=2&b=2&c=")]
    [InlineData("key=%7e+x&empty=&&", "empty=&key=~%2Bx")]
    [InlineData("prefix=a b&list-type=2", "list-type=2&prefix=a%20b")]
    public void CanonicalQuery_RawQuery_SortedAndCanonicallyEncoded(string rawQuery, string expected)
    {
        Assert.Equal(expected, CanonicalRequest.CanonicalQuery(SigV4QueryParameter.Parse(rawQuery), []));
    }

    private static HttpRequestMessage JsonRequest(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:4566/")
        {
            Content = new StringContent(json, Encoding.UTF8, CodePipelineProtocol.ContentType),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", CodePipelineProtocol.Target("PollForJobs"));
        return request;
    }

    private static string Single(HttpRequestMessage request, string name) =>
        Assert.Single(request.Headers.NonValidated[name]);
}
