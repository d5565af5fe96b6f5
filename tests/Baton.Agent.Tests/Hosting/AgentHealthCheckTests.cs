using Baton.Agent.Hosting;
using Baton.Agent.Options;
using Baton.Agent.Polling;
using Baton.Agent.Tests.Fakes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.Tests.Hosting;

public sealed class AgentHealthCheckTests
{
    private readonly FakeTimeProvider _time = new(RunnerHarness.Start);
    private readonly AgentStatus _status = new();
    private readonly PollerHealth _poller = new("Test/Custom/BatonTest/1");
    private readonly AgentOptions _options = new()
    {
        Polling = new PollingOptions { UnhealthyAfterFailedPolls = 3, UnhealthyWithoutPollFor = TimeSpan.FromMinutes(5) },
    };

    public AgentHealthCheckTests()
    {
        _status.SetPollers([_poller]);
        _status.Set(AgentState.Polling);
        _poller.Started(_time.GetUtcNow());
    }

    [Fact]
    public async Task Check_RecentSuccessfulPoll_HealthyWithTheLastPollTime()
    {
        _poller.PollSucceeded(_time.GetUtcNow());

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("2025-03-01T12:00:00.0000000+00:00", result.Data["Test/Custom/BatonTest/1:lastSuccessfulPoll"]);
        Assert.Equal(0, result.Data["Test/Custom/BatonTest/1:consecutiveFailures"]);
    }

    [Fact]
    public async Task Check_SomeFailures_DegradedNamingTheFailure()
    {
        _poller.PollSucceeded(_time.GetUtcNow());
        _poller.PollFailed("throttled (ThrottlingException)");

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("Test/Custom/BatonTest/1: 1 poll(s) in a row failed (last: throttled (ThrottlingException)).", result.Description);
    }

    [Fact]
    public async Task Check_TooManyConsecutiveFailures_Unhealthy()
    {
        _poller.PollSucceeded(_time.GetUtcNow());
        for (var i = 0; i < 3; i++)
        {
            _poller.PollFailed("server error InternalFailure (HTTP 500)");
        }

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Test/Custom/BatonTest/1: 3 polls in a row failed (last: server error InternalFailure (HTTP 500)).", result.Description);
    }

    [Fact]
    public async Task Check_NoSuccessfulPollForTooLong_Unhealthy()
    {
        _poller.PollSucceeded(_time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(6));

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Test/Custom/BatonTest/1: no successful poll for 00:06:00 (limit 00:05:00).", result.Description);
    }

    [Fact]
    public async Task Check_NeverPolledSinceStartForTooLong_Unhealthy()
    {
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Check_AllSlotsBusyForLong_StaysHealthy()
    {
        _poller.PollSucceeded(_time.GetUtcNow());
        _poller.SetAllSlotsBusy(true);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Theory]
    [InlineData(AgentState.NotStarted)]
    [InlineData(AgentState.Draining)]
    [InlineData(AgentState.Stopped)]
    public async Task Check_AgentNotPolling_Unhealthy(AgentState state)
    {
        _status.Set(state);

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal($"The agent is not polling (state {state}).", result.Description);
    }

    private Task<HealthCheckResult> CheckAsync() =>
        new AgentHealthCheck(_status, Microsoft.Extensions.Options.Options.Create(_options), _time)
            .CheckHealthAsync(new HealthCheckContext());
}
