using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Tests.Support;
using Baton.LoadTest.Engine.Transport;
using Baton.LoadTest.Engine.Transport.Http1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Baton.LoadTest.Engine.Tests.Transport;

public sealed class SocketHttp1TransportTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SendAsync_SequentialRequests_ReuseOneKeepAliveConnection()
    {
        var connectionIds = new ConcurrentDictionary<string, int>();
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", (HttpContext ctx) =>
        {
            connectionIds.AddOrUpdate(ctx.Connection.Id, 1, (_, n) => n + 1);
            return "hello";
        }));
        await using var transport = Create(target.BaseUrl, connections: 4);

        var results = new List<TransportResult>();
        for (var i = 0; i < 20; i++)
        {
            results.Add(await transport.SendAsync(0, CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal((200, LoadErrorKind.None), (r.StatusCode, r.Error)));
        Assert.Equal(20, Assert.Single(connectionIds).Value);
    }

    [Fact]
    public async Task SendAsync_ServerSendsConnectionClose_ReconnectsForTheNextRequest()
    {
        await using var server = new RawHttpServer(_ => new RawReply("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", Close: true));
        await using var transport = Create(server.Url);

        var results = new[] { await transport.SendAsync(0, CancellationToken.None), await transport.SendAsync(0, CancellationToken.None) };

        Assert.All(results, r => Assert.Equal((200, LoadErrorKind.None), (r.StatusCode, r.Error)));
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task SendAsync_ServerClosedIdleConnection_RetriesOnceOnANewConnection()
    {
        // The server closes after every response without saying so: the next request finds a dead connection.
        await using var server = new RawHttpServer(_ => RawReply.Ok() with { Close = true });
        await using var transport = Create(server.Url);

        var results = new List<TransportResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await transport.SendAsync(0, CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal((200, LoadErrorKind.None), (r.StatusCode, r.Error)));
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task SendAsync_ServerClosesMidResponse_IsConnectionReset()
    {
        await using var server = new RawHttpServer(_ => new RawReply("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort", Close: true));
        await using var transport = Create(server.Url);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((0, LoadErrorKind.ConnectionReset), (result.StatusCode, result.Error));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task SendAsync_ServerNeverAnswers_TimesOut()
    {
        var never = new TaskCompletionSource();
        await using var server = new RawHttpServer(_ => new RawReply(string.Empty, Hold: never.Task));
        await using var transport = new SocketHttp1Transport(LoadTestRequest.For(server.Url), 1, TimeSpan.FromMilliseconds(200), TimeProvider.System);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((0, LoadErrorKind.Timeout), (result.StatusCode, result.Error));
    }

    [Fact]
    public async Task SendAsync_DeadlinePassesOnTheInjectedClock_TimesOut()
    {
        var never = new TaskCompletionSource();
        await using var server = new RawHttpServer(_ => new RawReply(string.Empty, Hold: never.Task));
        var clock = new FakeTimeProvider();
        await using var transport = new SocketHttp1Transport(LoadTestRequest.For(server.Url), 1, TimeSpan.FromSeconds(30), clock);

        var pending = transport.SendAsync(0, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));
        var result = await pending;

        Assert.Equal((0, LoadErrorKind.Timeout), (result.StatusCode, result.Error));
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsConnectionRefused()
    {
        await using var transport = Create(ClosedPort());

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((0, LoadErrorKind.ConnectionRefused), (result.StatusCode, result.Error));
    }

    [Fact]
    public async Task SendAsync_CancelledWhileWaiting_IsCancelled()
    {
        var never = new TaskCompletionSource();
        await using var server = new RawHttpServer(_ => new RawReply(string.Empty, Hold: never.Task));
        await using var transport = Create(server.Url);
        using var cancel = new CancellationTokenSource();

        var pending = transport.SendAsync(0, cancel.Token);
        await cancel.CancelAsync();
        var result = await pending;

        Assert.Equal(LoadErrorKind.Cancelled, result.Error);
    }

    [Fact]
    public async Task SendAsync_MoreConcurrentRequestsThanConnections_QueueForTheConnection()
    {
        await using var server = new RawHttpServer(_ => RawReply.Ok());
        await using var transport = Create(server.Url, connections: 2);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => transport.SendAsync(0, CancellationToken.None).AsTask()));

        Assert.All(results, r => Assert.Equal(200, r.StatusCode));
        Assert.InRange(server.Connections, 1, 2);
        Assert.Equal(50, server.Requests);
    }

    [Fact]
    public async Task SendAsync_PostWithHeaders_WritesAWellFormedRequest()
    {
        string? seen = null;
        await using var target = await KestrelTarget.StartAsync(app => app.MapPost("/echo", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            seen = $"{ctx.Request.Headers["X-Test"]}|{ctx.Request.ContentLength}|{await reader.ReadToEndAsync()}|{ctx.Request.QueryString}";
            return Results.Text("done");
        }));
        var request = LoadTestRequest.For(target.Url("echo?a=1"), "POST") with
        {
            Headers = [new("X-Test", "yes")],
            Body = "{\"k\":1}"u8.ToArray(),
        };
        await using var transport = new SocketHttp1Transport(request, 1, _timeout, TimeProvider.System);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("yes|7|{\"k\":1}|?a=1", seen);
    }

    internal static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static SocketHttp1Transport Create(Uri url, int connections = 1) =>
        new(LoadTestRequest.For(url), connections, _timeout, TimeProvider.System);
}
