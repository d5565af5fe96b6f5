using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Running;
using Baton.LoadTest.Engine.Tests.Support;
using Baton.LoadTest.Engine.Tests.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Baton.LoadTest.Engine.Tests.Running;

public sealed class ClosedModelRunTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(TransportKind.Socket)]
    [InlineData(TransportKind.HttpClient)]
    public async Task RunAsync_VirtualUsers_EveryRequestGetsItsResponse(TransportKind transport)
    {
        var users = new HashSet<string>();
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", (HttpContext ctx) =>
        {
            lock (users)
            {
                users.Add(ctx.Connection.Id);
            }

            return "ok";
        }));
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = new ClosedLoadModel(4, TimeSpan.FromSeconds(1)) { RampUp = TimeSpan.FromMilliseconds(200), ThinkTime = TimeSpan.FromMilliseconds(2) },
            Transport = transport,
        };

        var result = await new LoadTestRunner().RunAsync(plan);

        var counters = result.Summary.Counters;
        Assert.Equal(LoadTestOutcome.Completed, result.Outcome);
        Assert.True(counters.Sent > 4);
        Assert.Equal(counters.Sent, counters.Responses);
        Assert.Equal(counters.Responses, counters.StatusCounts[200]);
        Assert.Equal(counters.Responses, result.Summary.LatencyHistogram.Count);
        Assert.Empty(counters.ErrorCounts);
        Assert.InRange(users.Count, 1, 4);
        Assert.Null(result.Summary.PlannedSends);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(TransportKind.Socket)]
    [InlineData(TransportKind.HttpClient)]
    public async Task RunAsync_NothingListening_ClassifiesConnectionRefused(TransportKind transport)
    {
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(SocketHttp1TransportTests.ClosedPort()),
            Model = new ClosedLoadModel(2, TimeSpan.FromMilliseconds(500)) { ThinkTime = TimeSpan.FromMilliseconds(20) },
            Transport = transport,
            Thresholds = "errors<1%",
        };

        var result = await new LoadTestRunner().RunAsync(plan);

        var counters = result.Summary.Counters;
        Assert.True(counters.Sent > 0);
        Assert.Equal(counters.Sent, counters.ErrorCounts[LoadErrorKind.ConnectionRefused]);
        Assert.Equal(0, counters.Responses);
        Assert.Equal("errors<1%: 100% (failed)", Assert.Single(result.Thresholds).ToString());
    }

    [Theory(Timeout = 30_000)]
    [InlineData(TransportKind.Socket)]
    [InlineData(TransportKind.HttpClient)]
    public async Task RunAsync_StalledEndpoint_ClassifiesTimeouts(TransportKind transport)
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", async (HttpContext ctx) =>
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted)));
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = new ClosedLoadModel(2, TimeSpan.FromMilliseconds(500)),
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            Transport = transport,
        };

        var result = await new LoadTestRunner().RunAsync(plan);

        var counters = result.Summary.Counters;
        Assert.True(counters.Sent >= 2);
        Assert.Equal(counters.Sent, counters.ErrorCounts[LoadErrorKind.Timeout]);
        Assert.Equal(0, counters.Responses);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(TransportKind.Socket)]
    [InlineData(TransportKind.HttpClient)]
    public async Task RunAsync_ServerError_CountsStatusNotTransportError(TransportKind transport)
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", () => Results.StatusCode(500)));
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = new ClosedLoadModel(2, TimeSpan.FromMilliseconds(500)) { ThinkTime = TimeSpan.FromMilliseconds(5) },
            Transport = transport,
            Thresholds = "errors<=100%; errors<50%",
        };

        var result = await new LoadTestRunner().RunAsync(plan);

        var counters = result.Summary.Counters;
        Assert.Equal(counters.Sent, counters.StatusCounts[500]);
        Assert.Equal(0, counters.TransportErrors);
        Assert.Empty(counters.ErrorCounts);
        Assert.Equal(counters.Responses, counters.FailedResponses);
        Assert.Equal([true, false], result.Thresholds.Select(t => t.Passed));
    }
}
