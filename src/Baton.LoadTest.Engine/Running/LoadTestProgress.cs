using Baton.LoadTest.Engine.Metrics;

namespace Baton.LoadTest.Engine.Running;

/// <summary>Reported once per elapsed second while a run goes on, for live views.</summary>
public sealed record LoadTestProgress
{
    /// <summary>The second that just closed.</summary>
    public required LoadTestSecond Interval { get; init; }

    /// <summary>Time since the start of the run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The counts of the run so far.</summary>
    public required LoadTestCounters Totals { get; init; }

    /// <summary>
    /// Requests started (or waiting for a connection) and not yet answered. In the open model,
    /// <c>InFlight / TargetRate</c> is how many seconds of schedule the target is behind.
    /// </summary>
    public required long InFlight { get; init; }

    /// <summary>The open model's total planned sends; null for the closed model.</summary>
    public long? PlannedSends { get; init; }

    /// <summary>The share of the planned duration done, 0 to 1.</summary>
    public required double Fraction { get; init; }
}
