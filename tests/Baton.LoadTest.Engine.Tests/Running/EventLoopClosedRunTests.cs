using System.Collections.Concurrent;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Running;
using Baton.LoadTest.Engine.Scheduling;
using Baton.LoadTest.Engine.Tests.Support;
using Baton.LoadTest.Engine.Tests.Transport;
using Baton.LoadTest.Engine.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Baton.LoadTest.Engine.Tests.Running;

/// <summary>The closed model's event-loop path (no think time, plain-http HTTP/1.1) over real HTTP on 127.0.0.1.</summary>
public sealed class EventLoopClosedRunTests
{
    private static readonly Uri _someUrl = new("http://127.0.0.1:9/");

    public static TheoryData<string, LoadTestPlan, bool> Plans => new()
    {
        { "no think time", Plan(_someUrl), true },
        { "socket transport", Plan(_someUrl) with { Transport = TransportKind.Socket }, true },
        { "think time", Plan(_someUrl) with { Model = new ClosedLoadModel(4, TimeSpan.FromSeconds(1)) { ThinkTime = TimeSpan.FromMilliseconds(1) } }, false },
        { "HttpClient", Plan(_someUrl) with { Transport = TransportKind.HttpClient }, false },
        { "https", Plan(new Uri("https://127.0.0.1:9/")), false },
        { "host name", Plan(new Uri("http://localhost:9/")), false },
        { "fewer connections than users", Plan(_someUrl) with { Connections = 2 }, false },
        { "two servers", Plan(_someUrl) with { Request = new LoadTestRequest { Targets = [new(_someUrl), new(new Uri("http://127.0.0.1:10/"))] } }, false },
        { "HTTP/2", Plan(_someUrl) with { Request = LoadTestRequest.For(_someUrl) with { HttpVersion = System.Net.HttpVersion.Version20 } }, false },
        { "open model", Plan(_someUrl) with { Model = OpenLoadModel.Constant(10, TimeSpan.FromSeconds(1)) }, false },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void TryCreate_Plan_UsesEventLoopOnlyForPlainHttp1WithoutThinkTime(string name, LoadTestPlan plan, bool expected)
    {
        var state = new RunState(new SendClock(TimeProvider.System, TimeSpan.Zero), new NoTransport(), new TargetSelector([1]), new RunRecorder(TimeProvider.System));

        var driver = EventLoopClosedDriver.TryCreate(plan, TimeProvider.System, state);

        Assert.True(expected == driver is not null, name);
    }

    [Fact]
    public void TryCreate_FakeClock_UsesGeneralPath()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var state = new RunState(new SendClock(clock, TimeSpan.Zero), new NoTransport(), new TargetSelector([1]), new RunRecorder(clock));

        Assert.Null(EventLoopClosedDriver.TryCreate(Plan(_someUrl), clock, state));
    }

    [Fact]
    public void EventLoopThreads_Zero_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LoadTestRunner { EventLoopThreads = 0 });

        Assert.StartsWith("EventLoopThreads must be at least 1.", ex.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task RunAsync_ContentLengthAndChunkedBodies_EveryRequestGetsItsStatus(int threads)
    {
        var connections = new ConcurrentDictionary<string, int>();
        await using var target = await KestrelTarget.StartAsync(app =>
        {
            app.MapGet("/ok", (HttpContext ctx) =>
            {
                connections.TryAdd(ctx.Connection.Id, 0);
                return "hello";
            });
            app.MapGet("/stream", async (HttpContext ctx) =>
            {
                connections.TryAdd(ctx.Connection.Id, 0);
                ctx.Response.StatusCode = 202;
                for (var i = 0; i < 4; i++)
                {
                    await ctx.Response.WriteAsync(new string('x', 20_000));
                    await ctx.Response.Body.FlushAsync();
                }
            });
            app.MapGet("/missing", () => Results.NotFound());
        });
        var plan = Plan(target.BaseUrl, users: 5) with
        {
            Request = new LoadTestRequest { Targets = [new(target.Url("ok"), 2), new(target.Url("stream")), new(target.Url("missing"))] },
        };

        var result = await new LoadTestRunner { EventLoopThreads = threads }.RunAsync(plan);

        var counters = result.Summary.Counters;
        Assert.Equal(LoadTestOutcome.Completed, result.Outcome);
        Assert.True(counters.Sent >= 5);
        Assert.Empty(counters.ErrorCounts);
        Assert.Equal(counters.Sent, counters.Responses);
        Assert.Equal(counters.Responses, counters.StatusCounts[200] + counters.StatusCounts[202] + counters.StatusCounts[404]);
        Assert.True(counters.StatusCounts[202] > 0 && counters.StatusCounts[404] > 0);
        Assert.Equal(counters.Responses, result.Summary.LatencyHistogram.Count);
        Assert.True(counters.BytesReceived > counters.StatusCounts[202] * 80_000);
        Assert.True(counters.BytesSent > 0);
        Assert.InRange(connections.Count, 1, 5);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_ServerClosesEveryConnection_ReconnectsWithoutErrors()
    {
        var connections = new ConcurrentDictionary<string, int>();
        var requests = 0;
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", (HttpContext ctx) =>
        {
            Interlocked.Increment(ref requests);
            connections.TryAdd(ctx.Connection.Id, 0);
            ctx.Response.Headers.Connection = "close";
            return "bye";
        }));

        var result = await new LoadTestRunner().RunAsync(Plan(target.BaseUrl, users: 3));

        var counters = result.Summary.Counters;
        Assert.Empty(counters.ErrorCounts);
        Assert.Equal(counters.Sent, counters.StatusCounts[200]);
        Assert.Equal(Volatile.Read(ref requests), connections.Count);
        Assert.Equal(counters.Responses, connections.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_ServerClosesIdleConnectionsSilently_RetriesOnFreshConnection()
    {
        await using var server = new RawHttpServer(_ => RawReply.Ok() with { Close = true });

        var result = await new LoadTestRunner().RunAsync(Plan(server.Url, users: 2));

        var counters = result.Summary.Counters;
        Assert.True(counters.Responses > 2);
        Assert.Empty(counters.ErrorCounts);
        Assert.Equal(counters.Sent, counters.StatusCounts[200]);
        Assert.True(server.Connections >= counters.Responses);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nread until the server closes", true, "GET", 200)]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", false, "GET", 204)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", false, "HEAD", 200)]
    [InlineData("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n", false, "GET", 201)]
    public async Task RunAsync_Framing_CompletesEachResponseAndCountsItsBytes(string reply, bool close, string method, int status)
    {
        await using var server = new RawHttpServer(_ => new RawReply(reply, close));
        var plan = Plan(server.Url, users: 2) with { Request = LoadTestRequest.For(server.Url, method) };

        var result = await new LoadTestRunner().RunAsync(plan);

        var counters = result.Summary.Counters;
        Assert.Empty(counters.ErrorCounts);
        Assert.True(counters.Responses >= 2);
        Assert.Equal(counters.Sent, counters.StatusCounts[status]);
        Assert.Equal(counters.Responses * reply.Length, counters.BytesReceived);
        Assert.Equal(close ? counters.Responses : 2, server.Connections);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("garbage\r\n\r\n", LoadErrorKind.Protocol)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", LoadErrorKind.Protocol)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort", LoadErrorKind.ConnectionReset)]
    public async Task RunAsync_BadOrCutResponses_ClassifiesEachAsError(string reply, LoadErrorKind expected)
    {
        await using var server = new RawHttpServer(_ => new RawReply(reply, Close: true));

        var result = await new LoadTestRunner().RunAsync(Plan(server.Url, users: 2));

        var counters = result.Summary.Counters;
        Assert.True(counters.Sent >= 2);
        Assert.Equal(0, counters.Responses);
        Assert.Equal(counters.Sent, counters.ErrorCounts[expected]);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_NothingListening_ClassifiesConnectionRefused()
    {
        var result = await new LoadTestRunner().RunAsync(Plan(SocketHttp1TransportTests.ClosedPort(), users: 2) with { Thresholds = "errors<1%" });

        var counters = result.Summary.Counters;
        Assert.True(counters.Sent >= 2);
        Assert.Equal(counters.Sent, counters.ErrorCounts[LoadErrorKind.ConnectionRefused]);
        Assert.Equal("errors<1%: 100% (failed)", Assert.Single(result.Thresholds).ToString());
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_StalledEndpoint_TimesOutEachRequestAndEnds()
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", async (HttpContext ctx) =>
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted)));
        var plan = Plan(target.BaseUrl, users: 2) with { RequestTimeout = TimeSpan.FromMilliseconds(100) };

        var result = await new LoadTestRunner().RunAsync(plan);

        var counters = result.Summary.Counters;
        Assert.Equal(LoadTestOutcome.Completed, result.Outcome);
        Assert.True(counters.Sent >= 2);
        Assert.Equal(0, counters.Responses);
        Assert.Equal(counters.Sent, counters.ErrorCounts[LoadErrorKind.Timeout]);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_Cancelled_StopsPromptlyAndMarksInFlightRequestsCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var requests = 0;
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", async (HttpContext ctx) =>
        {
            if (Interlocked.Increment(ref requests) >= 50)
            {
                await cancel.CancelAsync();
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted); // still in flight when the run ends
            }

            return "ok";
        }));
        var plan = Plan(target.BaseUrl, users: 4) with { Model = new ClosedLoadModel(4, TimeSpan.FromMinutes(5)) };

        var result = await new LoadTestRunner().RunAsync(plan, cancellationToken: cancel.Token);

        var counters = result.Summary.Counters;
        Assert.Equal(LoadTestOutcome.Cancelled, result.Outcome);
        Assert.True(counters.Cancelled >= 1);
        Assert.Equal(counters.Sent, counters.Responses + counters.Cancelled);
        Assert.Equal(0, counters.TransportErrors);
    }

    private static LoadTestPlan Plan(Uri url, int users = 4) => new()
    {
        Request = LoadTestRequest.For(url),
        Model = new ClosedLoadModel(users, TimeSpan.FromMilliseconds(300)),
    };

    private sealed class NoTransport : ILoadTransport
    {
        public ValueTask<TransportResult> SendAsync(int targetIndex, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
