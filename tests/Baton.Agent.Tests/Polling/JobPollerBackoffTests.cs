using System.Net;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Tests.Polling;

public sealed class JobPollerBackoffTests : IDisposable
{
    private readonly AgentHarness _h = new();
    private readonly CancellationTokenSource _stop = new();

    [Fact]
    public async Task RunAsync_EmptyPolls_IdleWaitGrowsWithJitterUpToTheCap()
    {
        _h.Options.Polling.IdlePollStart = TimeSpan.FromSeconds(1);
        _h.Options.Polling.IdlePollInterval = TimeSpan.FromSeconds(8);
        _h.Jitter = new SequenceJitter(1, 0, 1, 0.5, 1, 0);
        var run = _h.CreatePoller().RunAsync(_stop.Token);

        // Ceilings 1, 2, 4, 8, 8, 8 s; each wait is 80–100% of its ceiling by the jitter.
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            (await _h.Jobs.NextPollAsync()).Answer();
            var wait = await _h.Time.NextTimerAsync();
            waits.Add(wait);
            _h.Time.Advance(wait);
        }

        Assert.Equal(
            new[] { 1000, 1600, 4000, 7200, 8000, 6400 }.Select(ms => TimeSpan.FromMilliseconds(ms)),
            waits);
        await _h.Jobs.NextPollAsync();
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_WorkAfterEmptyPolls_IdleWaitStartsOverAtTheStart()
    {
        _h.Jitter = new SequenceJitter(1);
        var run = _h.CreatePoller().RunAsync(_stop.Token);
        (await _h.Jobs.NextPollAsync()).Answer();
        _h.Time.Advance(await _h.Time.NextTimerAsync());
        (await _h.Jobs.NextPollAsync()).Answer();
        Assert.Equal(TimeSpan.FromSeconds(2), await _h.Time.NextTimerAsync());
        _h.Time.Advance(TimeSpan.FromSeconds(2));

        (await _h.Jobs.NextPollAsync()).Answer(RunnerHarness.CustomJob());
        (await _h.Jobs.NextPollAsync()).Answer();

        Assert.Equal(TimeSpan.FromSeconds(1), await _h.Time.NextTimerAsync());
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_ThrottledThenRecovered_BacksOffExponentiallyAndLogsOnceEach()
    {
        _h.Options.Polling.ErrorBackoffStart = TimeSpan.FromSeconds(1);
        _h.Options.Polling.ErrorBackoffMax = TimeSpan.FromSeconds(4);
        _h.Jitter = new SequenceJitter(1, 1, 1, 0);
        var poller = _h.CreatePoller();
        var run = poller.RunAsync(_stop.Token);

        // Ceilings 1, 2, 4, 4 s; an error wait is 50–100% of its ceiling by the jitter.
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            (await _h.Jobs.NextPollAsync()).Fail(Throttling());
            var wait = await _h.Time.NextTimerAsync();
            waits.Add(wait);
            _h.Time.Advance(wait);
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2)], waits);
        Assert.Equal(4, poller.Health.Snapshot().ConsecutiveFailures);
        (await _h.Jobs.NextPollAsync()).Answer();
        await _h.Time.NextTimerAsync();
        await _stop.CancelAsync();
        await run;

        var logs = _h.PollerLogger.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Information && r.Id.Id is 101 or 102 or 103).ToList();
        Assert.Equal(2, logs.Count);
        Assert.Equal(LogLevel.Warning, logs[0].Level);
        Assert.Equal(
            "Polling Test/Custom/BatonTest/1 failed: throttled (ThrottlingException). Backing off (up to 00:00:04); the next message says when polling recovers.",
            logs[0].Message);
        Assert.IsType<CodePipelineServiceException>(logs[0].Exception);
        Assert.Equal("Polling Test/Custom/BatonTest/1 recovered after 4 failed poll(s) over 00:00:09.", logs[1].Message);
        Assert.Equal(0, poller.Health.Snapshot().ConsecutiveFailures);
    }

    [Theory]
    [InlineData(503, "ServiceUnavailable", "server error ServiceUnavailable (HTTP 503)")]
    [InlineData(500, "InternalFailure", "server error InternalFailure (HTTP 500)")]
    public async Task RunAsync_ServerError_BacksOffAsTransient(int status, string code, string description)
    {
        var run = _h.CreatePoller().RunAsync(_stop.Token);

        (await _h.Jobs.NextPollAsync()).Fail(new CodePipelineServiceException(code, "try later", (HttpStatusCode)status, "r-1"));
        Assert.Equal(TimeSpan.FromSeconds(1), await _h.Time.NextTimerAsync());
        await _stop.CancelAsync();
        await run;

        var log = Assert.Single(_h.PollerLogger.Collector.GetSnapshot(), r => r.Id.Id == 101);
        Assert.Contains(description, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TransportFailure_BacksOffAndLogsOnce()
    {
        var run = _h.CreatePoller().RunAsync(_stop.Token);

        for (var i = 0; i < 3; i++)
        {
            (await _h.Jobs.NextPollAsync()).Fail(new HttpRequestException("Connection refused (127.0.0.1:9)"));
            _h.Time.Advance(await _h.Time.NextTimerAsync());
        }

        await _h.Jobs.NextPollAsync();
        await _stop.CancelAsync();
        await run;
        var log = Assert.Single(_h.PollerLogger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Contains("transport failure (HttpRequestException: Connection refused (127.0.0.1:9))", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Rejected_LogsAnErrorOnceAndKeepsBackingOff()
    {
        var run = _h.CreatePoller().RunAsync(_stop.Token);

        for (var i = 0; i < 2; i++)
        {
            (await _h.Jobs.NextPollAsync()).Fail(new CodePipelineServiceException("AccessDeniedException", "not allowed", HttpStatusCode.BadRequest, "r-1"));
            _h.Time.Advance(await _h.Time.NextTimerAsync());
        }

        await _h.Jobs.NextPollAsync();
        await _stop.CancelAsync();
        await run;
        var log = Assert.Single(_h.PollerLogger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Contains("rejected with AccessDeniedException (HTTP 400): not allowed", log.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _h.Dispose();
    }

    private static CodePipelineServiceException Throttling() => new("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest, "r-1");
}
