using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Thresholds;

namespace Baton.LoadTest.Engine.Tests.Thresholds;

public sealed class ThresholdEvaluatorTests
{
    private static readonly LoadTestCounters _nineteenOkOneError = new()
    {
        Responses = 19,
        TransportErrors = 1,
        StatusCounts = new Dictionary<int, long> { [200] = 19 },
    };

    [Fact]
    public void Evaluate_LatencyErrorsAndRps_JudgesEachWithFormattedValue()
    {
        var latency = LatencyHistograms.Create();
        for (var ms = 1; ms <= 100; ms++)
        {
            LatencyHistograms.Record(latency, ms * 1_000L);
        }

        var results = ThresholdEvaluator.Evaluate(
            ThresholdParser.Parse("p50<=51ms; p99<50ms; max<2s; min>=1ms; errors<10%; errors<1%; rps>=500; mean<60ms"),
            latency,
            _nineteenOkOneError,
            achievedRate: 498.25);

        Assert.Equal(
            [
                "p50<=51ms: 50.015ms (passed)",
                "p99<50ms: 99.007ms (failed)",
                "max<2s: 100.031ms (passed)",
                "min>=1ms: 1ms (passed)",
                "errors<10%: 5% (passed)",
                "errors<1%: 5% (failed)",
                "rps>=500: 498.3 (failed)",
                "mean<60ms: 50.504ms (passed)",
            ],
            results.Select(r => r.ToString()));
    }

    [Fact]
    public void Evaluate_NoResponses_FailsLatencyAndErrorThresholdsWithNoData()
    {
        var results = ThresholdEvaluator.Evaluate(ThresholdParser.Parse("p95<1s; errors<1%"), LatencyHistograms.Create(), new LoadTestCounters(), 0);

        Assert.All(results, r => Assert.Equal("no data", r.MeasuredText));
        Assert.All(results, r => Assert.False(r.Passed));
    }
}
