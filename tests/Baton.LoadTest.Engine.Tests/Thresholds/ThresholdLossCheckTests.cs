using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Thresholds;

namespace Baton.LoadTest.Engine.Tests.Thresholds;

public sealed class ThresholdLossCheckTests
{
    [Fact]
    public void Check_MaxAlreadyExceeded_IsLost()
    {
        var latency = Histogram(5_000, 2_500_000);

        var reason = ThresholdLossCheck.Check(ThresholdParser.Parse("max<2s")[0], latency, new LoadTestCounters(), plannedSends: null);

        Assert.Equal("max<2s is lost: a latency of 2.501s was already recorded.", reason);
    }

    [Fact]
    public void Check_MaxWithinLimit_IsNotLost()
    {
        var reason = ThresholdLossCheck.Check(ThresholdParser.Parse("max<2s")[0], Histogram(5_000), new LoadTestCounters(), null);

        Assert.Null(reason);
    }

    [Fact]
    public void Check_ErrorsBeyondWhatRemainingSendsCouldDilute_IsLost()
    {
        var errors = new LoadTestCounters { TransportErrors = 11, Responses = 0 };

        var lost = ThresholdLossCheck.Check(ThresholdParser.Parse("errors<1%")[0], LatencyHistograms.Create(), errors, plannedSends: 1_000);
        var open = ThresholdLossCheck.Check(ThresholdParser.Parse("errors<2%")[0], LatencyHistograms.Create(), errors, plannedSends: 1_000);

        Assert.Equal("errors<1% is lost: 11 failed requests are already 1.1% of all 1000 planned.", lost);
        Assert.Null(open);
    }

    [Fact]
    public void Check_ErrorsWithoutKnownTotal_IsNeverJudgedEarly()
    {
        var errors = new LoadTestCounters { TransportErrors = 1_000 };

        Assert.Null(ThresholdLossCheck.Check(ThresholdParser.Parse("errors<1%")[0], LatencyHistograms.Create(), errors, plannedSends: null));
    }

    [Fact]
    public void Check_PercentileWithTooManySlowValues_IsLostOnlyBeyondTheRoomLeft()
    {
        // p90<100ms over 100 planned sends: the final p90 fails once 12 values (> 100 - 90 + 1) are slow.
        var threshold = ThresholdParser.Parse("p90<100ms")[0];
        var eleven = Histogram([.. Enumerable.Repeat(500_000L, 11)]);
        var twelve = Histogram([.. Enumerable.Repeat(500_000L, 12)]);

        Assert.Null(ThresholdLossCheck.Check(threshold, eleven, new LoadTestCounters(), 100));
        Assert.NotNull(ThresholdLossCheck.Check(threshold, twelve, new LoadTestCounters(), 100));
    }

    [Fact]
    public void Check_MeanAndRps_AreNeverJudgedEarly()
    {
        var slow = Histogram(10_000_000);

        Assert.Null(ThresholdLossCheck.Check(ThresholdParser.Parse("mean<1ms")[0], slow, new LoadTestCounters(), 10));
        Assert.Null(ThresholdLossCheck.Check(ThresholdParser.Parse("rps>=1000")[0], slow, new LoadTestCounters(), 10));
    }

    private static HdrHistogram.LongHistogram Histogram(params long[] micros)
    {
        var histogram = LatencyHistograms.Create();
        foreach (var value in micros)
        {
            LatencyHistograms.Record(histogram, value);
        }

        return histogram;
    }
}
