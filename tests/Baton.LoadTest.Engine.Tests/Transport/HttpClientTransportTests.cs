using System.Collections.Concurrent;
using System.Net;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Tests.Support;
using Baton.LoadTest.Engine.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Baton.LoadTest.Engine.Tests.Transport;

public sealed class HttpClientTransportTests
{
    [Fact]
    public async Task SendAsync_Http2CleartextOnLoopback_SpeaksHttp2()
    {
        var protocols = new ConcurrentDictionary<string, int>();
        await using var target = await KestrelTarget.StartAsync(
            app => app.MapGet("/", (HttpContext ctx) =>
            {
                protocols.AddOrUpdate(ctx.Request.Protocol, 1, (_, n) => n + 1);
                return "h2";
            }),
            HttpProtocols.Http2);
        var request = LoadTestRequest.For(target.BaseUrl) with { HttpVersion = HttpVersion.Version20 };
        await using var transport = new HttpClientTransport(request, 1, TimeSpan.FromSeconds(10), TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => transport.SendAsync(0, CancellationToken.None).AsTask()));

        Assert.All(results, r => Assert.Equal((200, LoadErrorKind.None), (r.StatusCode, r.Error)));
        Assert.Equal(new KeyValuePair<string, int>("HTTP/2", 40), Assert.Single(protocols));
        Assert.All(results, r => Assert.True(r.BytesReceived >= 2));
    }

    [Fact]
    public async Task SendAsync_MalformedResponse_IsProtocolError()
    {
        await using var server = new RawHttpServer(_ => new RawReply("SMTP ready\r\n\r\n"));
        await using var transport = new HttpClientTransport(LoadTestRequest.For(server.Url), 1, TimeSpan.FromSeconds(10), TimeProvider.System);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((0, LoadErrorKind.Protocol), (result.StatusCode, result.Error));
    }

    [Fact]
    public async Task SendAsync_ServerErrorStatus_IsAResponseNotAnError()
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", () => Results.StatusCode(503)));
        await using var transport = new HttpClientTransport(LoadTestRequest.For(target.BaseUrl), 1, TimeSpan.FromSeconds(10), TimeProvider.System);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((503, LoadErrorKind.None), (result.StatusCode, result.Error));
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsConnectionRefused()
    {
        await using var transport = new HttpClientTransport(LoadTestRequest.For(SocketHttp1TransportTests.ClosedPort()), 1, TimeSpan.FromSeconds(10), TimeProvider.System);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal(LoadErrorKind.ConnectionRefused, result.Error);
    }

    [Fact]
    public async Task SendAsync_StalledServer_TimesOut()
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", async (HttpContext ctx) =>
            await Task.Delay(System.Threading.Timeout.Infinite, ctx.RequestAborted)));
        await using var transport = new HttpClientTransport(LoadTestRequest.For(target.BaseUrl), 1, TimeSpan.FromMilliseconds(200), TimeProvider.System);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal(LoadErrorKind.Timeout, result.Error);
    }
}
