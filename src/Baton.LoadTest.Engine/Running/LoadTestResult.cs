using Baton.LoadTest.Engine.Thresholds;

namespace Baton.LoadTest.Engine.Running;

/// <summary>How a run ended.</summary>
public enum LoadTestOutcome
{
    /// <summary>It ran for its whole duration.</summary>
    Completed,

    /// <summary>The caller cancelled it.</summary>
    Cancelled,

    /// <summary>It stopped early because a threshold could no longer pass.</summary>
    Aborted,
}

/// <summary>The result of a run.</summary>
public sealed record LoadTestResult
{
    /// <summary>How the run ended.</summary>
    public required LoadTestOutcome Outcome { get; init; }

    /// <summary>Why the run was aborted, when it was.</summary>
    public string? AbortReason { get; init; }

    /// <summary>The whole run in figures.</summary>
    public required LoadTestSummary Summary { get; init; }

    /// <summary>Second by second.</summary>
    public required IReadOnlyList<LoadTestSecond> Seconds { get; init; }

    /// <summary>The verdict on each threshold, in the order written.</summary>
    public required IReadOnlyList<ThresholdResult> Thresholds { get; init; }

    /// <summary>The generator's own health warnings; when present, the figures may understate the target.</summary>
    public required IReadOnlyList<GeneratorWarning> Warnings { get; init; }

    /// <summary>Whether every threshold passed (true when there are none).</summary>
    public bool ThresholdsPassed => Thresholds.All(t => t.Passed);
}
