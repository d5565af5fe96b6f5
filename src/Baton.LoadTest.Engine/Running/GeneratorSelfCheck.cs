using System.Globalization;

namespace Baton.LoadTest.Engine.Running;

/// <summary>
/// Checks whether the generator itself held the run back: the achieved rate under 95% of the
/// target, sends that could not be started, or sends that started late against the schedule
/// (99th percentile of scheduler lag above 10 ms). Each finding becomes a warning in the result.
/// </summary>
internal static class GeneratorSelfCheck
{
    public const double RateTolerance = 0.95;
    public static readonly TimeSpan LagTolerance = TimeSpan.FromMilliseconds(10);

    public static IReadOnlyList<GeneratorWarning> Check(LoadTestSummary summary, int maxInFlight, TimeSpan maxScheduleLag)
    {
        var warnings = new List<GeneratorWarning>();
        var counters = summary.Counters;
        if (summary.PlannedSends is > 0 and var planned && counters.Completed < planned * RateTolerance)
        {
            warnings.Add(new GeneratorWarning(
                "RateBelowTarget",
                Invariant($"Achieved {summary.AchievedRate:0.#} requests/s against a target of {summary.TargetRate:0.#} ({(double)counters.Completed / planned:P1}): {counters.Completed} of {planned} planned requests completed.")));
        }

        if (counters.Missed > 0)
        {
            warnings.Add(new GeneratorWarning(
                "MissedSends",
                Invariant($"{counters.Missed} sends were not started: {counters.MissedAtCapacity} because {maxInFlight} requests (MaxInFlight) were already in flight, {counters.MissedBehindSchedule} because the generator was more than {maxScheduleLag.TotalMilliseconds:0} ms (MaxScheduleLag) behind schedule. Raise MaxInFlight or Connections, or lower the rate.")));
        }

        if (summary.SchedulerLag is { Count: > 0 } lag && lag.P99 > LagTolerance)
        {
            warnings.Add(new GeneratorWarning(
                "SchedulerLag",
                Invariant($"1% of sends started more than {lag.P99.TotalMilliseconds:0.#} ms after their scheduled time (max {lag.Max.TotalMilliseconds:0.#} ms): the generator machine is saturated, so latencies include its own delay.")));
        }

        return warnings;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
