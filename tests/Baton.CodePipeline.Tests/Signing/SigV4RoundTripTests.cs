using System.Text;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>Requests signed by <see cref="SigV4Signer"/>, sent over real HTTP, verified as a server sees them.</summary>
public class SigV4RoundTripTests(VerifyingServer server) : IClassFixture<VerifyingServer>
{
    private readonly SigV4Signer _signer = new();

    [Fact]
    public async Task SignAsync_CodePipelineJsonRequest_ServerVerifiesIt()
    {
        using var client = new HttpClient(new SigningHandler(_signer, VerifyingServer.Credentials) { InnerHandler = new HttpClientHandler() });
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress)
        {
            Content = new StringContent("""{"actionTypeId":{"category":"Test"}}""", Encoding.UTF8, CodePipelineProtocol.ContentType),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", CodePipelineProtocol.Target("PollForJobs"));
        request.Headers.UserAgent.ParseAdd("baton/1.0 (tests)");

        var answer = await SendAsync(client, request);

        Assert.StartsWith("ok|AKIDBATONTEST|content-length;content-type;host;x-amz-date;x-amz-target|", answer);
    }

    [Fact]
    public async Task Sign_SessionCredentials_ServerVerifiesTheSignedToken()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress) { Content = new StringContent("{}") };
        _signer.Sign(request, VerifyingServer.SessionCredentials, "us-east-1", CodePipelineProtocol.SigningName, VerifyingServer.Now);

        var answer = await SendAsync(client, request);

        Assert.StartsWith("ok|ASIABATONTEST|", answer);
        Assert.Contains("x-amz-security-token", answer);
    }

    [Theory]
    [InlineData("codepipeline", "a%20b/~c/%E1%88%B4/./x?prefix=x%2Fy&list-type=2&empty=&Param=%7e")]
    [InlineData("s3", "bucket/dir//a%20b+c/%E1%88%B4/./x?prefix=x%2Fy&list-type=2&empty=&uploads")]
    public async Task Sign_PathAndQueryNeedingEncoding_ServerVerifiesIt(string service, string pathAndQuery)
    {
        var s3 = service == "s3";
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, pathAndQuery));
        if (s3)
        {
            request.Headers.TryAddWithoutValidation("X-Test-Rules", "s3");
        }

        _signer.Sign(request, VerifyingServer.Credentials, "us-east-1", service, VerifyingServer.Now, s3 ? SigV4SigningOptions.S3 : null);

        Assert.StartsWith("ok|", await SendAsync(client, request));
    }

    [Fact]
    public async Task Sign_ForwardOnlyUpload_ServerReceivesAndVerifiesTheWholeBody()
    {
        var body = Encoding.UTF8.GetBytes(new string('z', 100_000));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(server.BaseAddress, "bucket/artifact.zip"))
        {
            Content = new StreamContent(new NonSeekableStream(body)),
        };
        request.Headers.TryAddWithoutValidation("X-Test-Rules", "s3");

        _signer.Sign(request, VerifyingServer.Credentials, "us-east-1", "s3", VerifyingServer.Now, SigV4SigningOptions.S3);

        Assert.Equal($"ok|AKIDBATONTEST|content-length;host;x-amz-content-sha256;x-amz-date;x-test-rules|{SigV4PayloadHash.Compute(body)}",
            await SendAsync(client, request));
    }

    [Fact]
    public async Task Presign_S3Get_ServerVerifiesTheQuerySignature()
    {
        var target = new Uri(server.BaseAddress, "bucket/key.zip");
        var neutral = new SigV4Request("GET", target.AbsolutePath, null, [new("Host", SigV4Signer.HostHeaderFor(target))], SigV4PayloadHash.UnsignedPayload);
        var presigned = _signer.Presign(neutral, VerifyingServer.Credentials, "us-east-1", "s3", VerifyingServer.Now, TimeSpan.FromMinutes(10), SigV4SigningOptions.S3);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(target) { Query = presigned.PresignedQuery }.Uri);
        request.Headers.TryAddWithoutValidation("X-Test-Rules", "s3");

        Assert.StartsWith("ok|AKIDBATONTEST|host|", await SendAsync(client, request));
    }

    [Fact]
    public async Task Send_UnsignedRequest_ServerAnswersMissingAuthenticationToken()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress) { Content = new StringContent("{}") };

        Assert.Equal("fail|MissingAuthenticationToken|Missing Authentication Token", await SendAsync(client, request));
    }

    [Fact]
    public async Task Sign_HeaderChangedAfterSigning_ServerAnswersInvalidSignature()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress) { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", CodePipelineProtocol.Target("PollForJobs"));
        _signer.Sign(request, VerifyingServer.Credentials, "us-east-1", CodePipelineProtocol.SigningName, VerifyingServer.Now);
        request.Headers.Remove("X-Amz-Target");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", CodePipelineProtocol.Target("DeletePipeline"));

        Assert.StartsWith("fail|InvalidSignatureException|The request signature we calculated", await SendAsync(client, request));
    }

    private static async Task<string> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, timeout.Token);
        return await response.Content.ReadAsStringAsync(timeout.Token);
    }

    /// <summary>Signs every request just before it is sent, as Baton's client pipeline does.</summary>
    private sealed class SigningHandler(SigV4Signer signer, AwsCredentials credentials) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await signer.SignAsync(request, credentials, "us-east-1", CodePipelineProtocol.SigningName, VerifyingServer.Now, cancellationToken: cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
