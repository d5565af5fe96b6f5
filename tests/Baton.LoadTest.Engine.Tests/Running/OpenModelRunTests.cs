using System.Net;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Running;
using Baton.LoadTest.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Baton.LoadTest.Engine.Tests.Running;

public sealed class OpenModelRunTests
{
    [Fact(Timeout = 40_000)]
    public async Task RunAsync_ConstantRateForTenSeconds_AchievesTheTargetWithinOnePercent()
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", () => "ok"));
        var seconds = new List<LoadTestProgress>();
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = OpenLoadModel.Constant(500, TimeSpan.FromSeconds(10)),
            Thresholds = "rps>=495; errors<1%",
        };

        var result = await new LoadTestRunner().RunAsync(plan, new SyncProgress<LoadTestProgress>(seconds.Add));

        var counters = result.Summary.Counters;
        Assert.Equal(LoadTestOutcome.Completed, result.Outcome);
        Assert.Equal(5_000, result.Summary.PlannedSends);
        Assert.InRange(counters.Sent, 4_950, 5_000);
        Assert.Equal(counters.Sent, counters.Completed);
        Assert.Equal(counters.Responses, counters.StatusCounts[200]);
        Assert.InRange(result.Summary.AchievedRate, 495, 505);
        Assert.True(result.ThresholdsPassed, string.Join("; ", result.Thresholds));
        Assert.DoesNotContain(result.Warnings, w => w.Code == "RateBelowTarget");
        Assert.InRange(seconds.Count, 10, 11);
        Assert.Equal(counters.Sent, result.Seconds.Sum(s => s.Counters.Sent));
        Assert.Equal(result.Summary.LatencyHistogram.Base64, HistogramSnapshot.Merge(result.Seconds.Select(s => s.LatencyHistogram)).Base64);
        Assert.All(result.Seconds.Take(10), s => Assert.Equal(500, s.TargetRate!.Value, 6));
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_TargetStallsForASecond_ShowsInCorrectedButNotUncorrectedLatency()
    {
        // One connection: while request 400 stalls, the later sends wait for the connection. The
        // test releases the stall once the engine reports a second's worth of sends unanswered.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", async () =>
        {
            if (Interlocked.Increment(ref count) == 400)
            {
                await release.Task;
            }

            return "ok";
        }));
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = OpenLoadModel.Constant(500, TimeSpan.FromSeconds(3)),
            Transport = TransportKind.Socket,
            Connections = 1,
        };
        var progress = new SyncProgress<LoadTestProgress>(p =>
        {
            if (p.InFlight >= p.Interval.TargetRate)
            {
                release.TrySetResult();
            }
        });

        var result = await new LoadTestRunner().RunAsync(plan, progress);

        Assert.True(release.Task.IsCompleted, "the engine never reported a second of unanswered sends");
        Assert.Equal(result.Summary.Counters.Sent, result.Summary.Counters.Responses);
        Assert.True(result.Summary.Latency.P99 >= TimeSpan.FromMilliseconds(900), $"corrected p99 {result.Summary.Latency.P99}");
        Assert.True(result.Summary.Latency.Max >= TimeSpan.FromSeconds(1), $"corrected max {result.Summary.Latency.Max}");
        Assert.True(result.Summary.UncorrectedLatency.P99 < result.Summary.Latency.P99 / 5, $"uncorrected p99 {result.Summary.UncorrectedLatency.P99}");
        Assert.True(result.Summary.UncorrectedLatency.Max >= TimeSpan.FromSeconds(1), "the stalled request itself is slow in both");
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_InFlightCapReached_CountsMissedSendsAndWarns()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", async () =>
        {
            await release.Task;
            return "ok";
        }));
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = OpenLoadModel.Constant(100, TimeSpan.FromSeconds(1.5)) with { MaxInFlight = 5 },
        };

        var result = await new LoadTestRunner().RunAsync(plan, new SyncProgress<LoadTestProgress>(_ => release.TrySetResult()));

        var counters = result.Summary.Counters;
        Assert.True(counters.MissedAtCapacity > 0);
        Assert.Equal(150, counters.Sent + counters.Missed);
        Assert.Equal(counters.Sent, counters.Responses);
        Assert.Contains(result.Warnings, w => w.Code == "MissedSends" && w.Message.Contains($"{counters.MissedAtCapacity} because 5 requests (MaxInFlight)"));
        Assert.Contains(result.Warnings, w => w.Code == "RateBelowTarget");
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_Cancelled_EndsPromptlyWithACancelledResult()
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", () => "ok"));
        using var cancel = new CancellationTokenSource();
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = OpenLoadModel.Constant(200, TimeSpan.FromMinutes(10)),
        };

        var result = await new LoadTestRunner().RunAsync(plan, new SyncProgress<LoadTestProgress>(_ => cancel.Cancel()), cancel.Token);

        Assert.Equal(LoadTestOutcome.Cancelled, result.Outcome);
        Assert.NotEmpty(result.Seconds);
        Assert.True(result.Summary.SendDuration < TimeSpan.FromMinutes(1));
        Assert.InRange(result.Summary.PlannedSends!.Value, 1, 120_000 - 1);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_ProgressHandlerThrows_EndsTheRunWithThatException()
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", () => "ok"));
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = OpenLoadModel.Constant(50, TimeSpan.FromMinutes(10)),
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new LoadTestRunner().RunAsync(plan, new SyncProgress<LoadTestProgress>(_ => throw new InvalidOperationException("live view broke"))));

        Assert.Equal("live view broke", error.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_ThresholdCertainlyLost_AbortsWithTheReason()
    {
        await using var target = await KestrelTarget.StartAsync(app => app.MapGet("/", () => "ok"));
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl),
            Model = OpenLoadModel.Constant(100, TimeSpan.FromMinutes(10)),
            Thresholds = "p99<10s; max<1us",
            AbortOnThresholdLoss = true,
        };

        var result = await new LoadTestRunner().RunAsync(plan);

        Assert.Equal(LoadTestOutcome.Aborted, result.Outcome);
        Assert.StartsWith("max<1us is lost: a latency of ", result.AbortReason);
        Assert.Equal([true, false], result.Thresholds.Select(t => t.Passed));
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_Http2Request_RunsOverH2cWithTheHttpClientTransport()
    {
        var h2 = 0;
        await using var target = await KestrelTarget.StartAsync(
            app => app.MapGet("/", (HttpContext ctx) => ctx.Request.Protocol == "HTTP/2" ? Interlocked.Increment(ref h2) : -1),
            HttpProtocols.Http2);
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(target.BaseUrl) with { HttpVersion = HttpVersion.Version20 },
            Model = OpenLoadModel.Constant(200, TimeSpan.FromSeconds(1)),
            Connections = 1,
        };

        var result = await new LoadTestRunner().RunAsync(plan);

        Assert.Equal(200, result.Summary.Counters.StatusCounts[200]);
        Assert.Equal(200, h2);
    }

    [Fact(Timeout = 30_000)]
    public async Task RunAsync_WeightedTargets_SplitsSendsByWeight()
    {
        var hits = new int[2];
        await using var target = await KestrelTarget.StartAsync(app =>
        {
            app.MapGet("/a", () => Interlocked.Increment(ref hits[0]));
            app.MapGet("/b", () => Interlocked.Increment(ref hits[1]));
        });
        var plan = new LoadTestPlan
        {
            Request = new LoadTestRequest { Targets = [new RequestTarget(target.Url("a"), 3), new RequestTarget(target.Url("b"), 1)] },
            Model = OpenLoadModel.Ramping(0, new RateStage(TimeSpan.FromSeconds(1), 400)),
        };

        var result = await new LoadTestRunner().RunAsync(plan);

        Assert.Equal(200, result.Summary.Counters.Responses);
        Assert.Equal([150, 50], hits);
    }
}
