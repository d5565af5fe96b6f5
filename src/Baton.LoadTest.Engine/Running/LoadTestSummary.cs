using Baton.LoadTest.Engine.Metrics;

namespace Baton.LoadTest.Engine.Running;

/// <summary>The whole run in figures.</summary>
public sealed record LoadTestSummary
{
    /// <summary>When the run started (wall clock of the run's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long sending lasted (the planned duration, or less when cancelled or aborted); the basis of the rates.</summary>
    public required TimeSpan SendDuration { get; init; }

    /// <summary>Start to end, including the wait for the last answers.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The counts of the whole run.</summary>
    public required LoadTestCounters Counters { get; init; }

    /// <summary>Latency from the intended send time, the basis of the latency thresholds.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Latency from the actual send.</summary>
    public required LatencySummary UncorrectedLatency { get; init; }

    /// <summary>The corrected latency histogram of the whole run.</summary>
    public required HistogramSnapshot LatencyHistogram { get; init; }

    /// <summary>The uncorrected latency histogram of the whole run.</summary>
    public required HistogramSnapshot UncorrectedLatencyHistogram { get; init; }

    /// <summary>Completed requests per second of <see cref="SendDuration"/> (the <c>rps</c> threshold metric).</summary>
    public required double AchievedRate { get; init; }

    /// <summary>The open model's planned sends over <see cref="SendDuration"/>; null for the closed model.</summary>
    public long? PlannedSends { get; init; }

    /// <summary>The open model's mean target rate over <see cref="SendDuration"/>; null for the closed model.</summary>
    public double? TargetRate { get; init; }

    /// <summary>The open model's lateness of each send against its schedule; null for the closed model.</summary>
    public LatencySummary? SchedulerLag { get; init; }
}
