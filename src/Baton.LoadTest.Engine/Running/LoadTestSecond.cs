using Baton.LoadTest.Engine.Metrics;

namespace Baton.LoadTest.Engine.Running;

/// <summary>
/// One second of a run: what was sent, what finished and how long it took. Requests count in
/// the second in which they finished; latencies are from the intended send time (corrected) and
/// from the actual send (uncorrected). The snapshots merge exactly into the whole run's histograms.
/// </summary>
public sealed record LoadTestSecond
{
    /// <summary>The elapsed second, from 0 (the first second of the run).</summary>
    public required int Second { get; init; }

    /// <summary>The counts of the second.</summary>
    public required LoadTestCounters Counters { get; init; }

    /// <summary>Latency from the intended send time (coordinated-omission free).</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Latency from the actual send (what a naive client would report).</summary>
    public required LatencySummary UncorrectedLatency { get; init; }

    /// <summary>The corrected latency histogram, to store and merge.</summary>
    public required HistogramSnapshot LatencyHistogram { get; init; }

    /// <summary>The uncorrected latency histogram, to store and merge.</summary>
    public required HistogramSnapshot UncorrectedLatencyHistogram { get; init; }

    /// <summary>Requests in flight when the second closed.</summary>
    public long InFlight { get; init; }

    /// <summary>The open model's target rate in this second (requests/s); null for the closed model.</summary>
    public double? TargetRate { get; init; }
}
