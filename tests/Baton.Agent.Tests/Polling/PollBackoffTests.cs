using Baton.Agent.Options;
using Baton.Agent.Polling;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Polling;

public sealed class PollBackoffTests
{
    [Theory]
    [InlineData(1, 0.0, 800)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(5, 1.0, 16000)]
    [InlineData(6, 1.0, 30000)]
    [InlineData(60, 0.0, 24000)]
    public void Idle_Defaults_GrowFromOneSecondToThirtyWithinEightyToHundredPercent(int emptyPolls, double jitter, int expectedMs)
    {
        var backoff = new PollBackoff(new PollingOptions(), new SequenceJitter(jitter));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), backoff.Idle(emptyPolls));
    }

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(3, 1.0, 4000)]
    [InlineData(7, 1.0, 60000)]
    [InlineData(1000, 0.0, 30000)]
    public void Error_Defaults_GrowFromOneSecondToOneMinuteWithinHalfToFull(int failedPolls, double jitter, int expectedMs)
    {
        var backoff = new PollBackoff(new PollingOptions(), new SequenceJitter(jitter));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), backoff.Error(failedPolls));
    }

    [Fact]
    public void Error_JitterOutOfRange_IsClampedSoTheCapHolds()
    {
        var backoff = new PollBackoff(new PollingOptions(), new SequenceJitter(7.5));

        Assert.Equal(TimeSpan.FromMinutes(1), backoff.Error(20));
    }
}
