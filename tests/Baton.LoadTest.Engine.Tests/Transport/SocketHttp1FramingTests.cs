using System.Collections.Concurrent;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Tests.Support;
using Baton.LoadTest.Engine.Transport.Http1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Baton.LoadTest.Engine.Tests.Transport;

/// <summary>The socket client's response framing: Content-Length, chunked, no-body statuses, read-to-close, and malformed input.</summary>
public sealed class SocketHttp1FramingTests
{
    [Fact]
    public async Task SendAsync_ChunkedResponseFromKestrel_ReadsWholeBodyAndKeepsConnection()
    {
        var connectionIds = new ConcurrentDictionary<string, int>();
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/stream", async (HttpContext ctx) =>
        {
            connectionIds.TryAdd(ctx.Connection.Id, 0);
            for (var i = 0; i < 5; i++)
            {
                await ctx.Response.WriteAsync(new string('x', 10_000));
                await ctx.Response.Body.FlushAsync();
            }
        }));
        await using var transport = Create(target.Url("stream"));

        var first = await transport.SendAsync(0, CancellationToken.None);
        var second = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((200, LoadErrorKind.None), (first.StatusCode, first.Error));
        Assert.Equal((200, LoadErrorKind.None), (second.StatusCode, second.Error));
        Assert.True(first.BytesReceived > 50_000);
        Assert.Single(connectionIds);
    }

    [Fact]
    public async Task SendAsync_ChunkedWithExtensionsAndTrailers_ParsesFramingExactly()
    {
        const string Reply = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Trailer: yes\r\n\r\n";
        await using var server = new RawHttpServer(_ => new RawReply(Reply));
        await using var transport = Create(server.Url);

        var first = await transport.SendAsync(0, CancellationToken.None);
        var second = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((200, LoadErrorKind.None, Reply.Length), (first.StatusCode, first.Error, first.BytesReceived));
        Assert.Equal((200, LoadErrorKind.None), (second.StatusCode, second.Error));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task SendAsync_ContentLength_ReadsExactlyTheBodyAndCountsBytes()
    {
        var body = new string('b', 70_000);
        var reply = $"HTTP/1.1 201 Created\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        await using var server = new RawHttpServer(_ => new RawReply(reply));
        await using var transport = Create(server.Url);

        var first = await transport.SendAsync(0, CancellationToken.None);
        var second = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((201, LoadErrorKind.None, reply.Length), (first.StatusCode, first.Error, first.BytesReceived));
        Assert.Equal(201, second.StatusCode);
        Assert.Equal(1, server.Connections);
        Assert.True(first.BytesSent > 0);
    }

    [Theory]
    [InlineData("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n")]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n")]
    public async Task SendAsync_NoBodyStatusesAndInterimResponses_AreFramedWithoutBody(string reply)
    {
        await using var server = new RawHttpServer(_ => new RawReply(reply));
        await using var transport = Create(server.Url);

        var first = await transport.SendAsync(0, CancellationToken.None);
        var second = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((204, 204), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task SendAsync_BodyUntilClose_ReadsToEndAndDoesNotReuse()
    {
        await using var server = new RawHttpServer(_ => new RawReply("HTTP/1.1 200 OK\r\n\r\nuntil the end", Close: true));
        await using var transport = Create(server.Url);

        var first = await transport.SendAsync(0, CancellationToken.None);
        var second = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((200, LoadErrorKind.None), (first.StatusCode, first.Error));
        Assert.Equal((200, LoadErrorKind.None), (second.StatusCode, second.Error));
        Assert.Equal(2, server.Connections);
    }

    [Theory]
    [InlineData("HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("SMTP ready\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\n\r\n")]
    public async Task SendAsync_MalformedResponse_IsProtocolError(string reply)
    {
        await using var server = new RawHttpServer(_ => new RawReply(reply));
        await using var transport = Create(server.Url);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal((0, LoadErrorKind.Protocol), (result.StatusCode, result.Error));
    }

    [Fact]
    public async Task SendAsync_HeadTooLarge_IsProtocolError()
    {
        var reply = "HTTP/1.1 200 OK\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n";
        await using var server = new RawHttpServer(_ => new RawReply(reply));
        await using var transport = Create(server.Url);

        var result = await transport.SendAsync(0, CancellationToken.None);

        Assert.Equal(LoadErrorKind.Protocol, result.Error);
    }

    private static SocketHttp1Transport Create(Uri url) =>
        new(LoadTestRequest.For(url), 1, TimeSpan.FromSeconds(10), TimeProvider.System);
}
