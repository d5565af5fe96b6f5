using Baton.LoadTest.Engine.Plan;

namespace Baton.LoadTest.Engine.Scheduling;

/// <summary>
/// The open model's send times, as offsets from the start instant. The k-th send (k = 0, 1, …)
/// is due when the cumulative number of arrivals, the integral of the rate, reaches k; within a
/// linear ramp that integral is a quadratic, solved exactly, so no rounding error accumulates
/// over a long run.
/// </summary>
internal sealed class ArrivalSchedule
{
    private readonly Segment[] _segments;

    public ArrivalSchedule(OpenLoadModel model)
    {
        var segments = new List<Segment>(model.Stages.Count);
        var start = 0.0;
        var arrivals = 0.0;
        var rate = model.StartRate;
        foreach (var stage in model.Stages)
        {
            var length = stage.Duration.TotalSeconds;
            var count = (rate + stage.TargetRate) / 2 * length;
            segments.Add(new Segment(start, length, arrivals, rate, (stage.TargetRate - rate) / length));
            start += length;
            arrivals += count;
            rate = stage.TargetRate;
        }

        _segments = [.. segments];
        Duration = start;
        // A small tolerance so that e.g. 500/s for 10 s gives exactly 5000 sends despite rounding.
        TotalCount = (long)Math.Floor(arrivals + 1e-6);
    }

    /// <summary>The length of the schedule, in seconds.</summary>
    public double Duration { get; }

    /// <summary>How many sends the schedule holds.</summary>
    public long TotalCount { get; }

    /// <summary>The number of sends due in the first <paramref name="seconds"/> seconds (exclusive of later ones).</summary>
    public double ArrivalsBy(double seconds)
    {
        foreach (var s in _segments)
        {
            if (seconds <= s.Start + s.Length)
            {
                var t = Math.Max(0, seconds - s.Start);
                return s.ArrivalsBefore + (s.Rate * t) + (s.Slope * t * t / 2);
            }
        }

        return TotalCount;
    }

    /// <summary>The offset, in seconds from the start instant, at which send <paramref name="index"/> is due.</summary>
    public double OffsetOf(long index)
    {
        // Send k is due at the instant the cumulative arrivals reach k (send 0 at time 0).
        double k = index;
        for (var i = 0; i < _segments.Length; i++)
        {
            var s = _segments[i];
            var within = k - s.ArrivalsBefore;
            var segmentCount = (s.Rate * s.Length) + (s.Slope * s.Length * s.Length / 2);
            if (within > segmentCount + 1e-9 && i < _segments.Length - 1)
            {
                continue;
            }

            return s.Start + SolveWithin(s, Math.Max(0, within));
        }

        return Duration;
    }

    private static double SolveWithin(Segment s, double count)
    {
        if (count <= 0)
        {
            return 0;
        }

        // rate*t + slope*t²/2 = count
        if (Math.Abs(s.Slope) < 1e-12)
        {
            return s.Rate > 0 ? count / s.Rate : s.Length;
        }

        var discriminant = (s.Rate * s.Rate) + (2 * s.Slope * count);
        if (discriminant < 0)
        {
            return s.Length;
        }

        // The numerically stable root of the quadratic (no cancellation when slope is small).
        var t = 2 * count / (s.Rate + Math.Sqrt(discriminant));
        return Math.Min(t, s.Length);
    }

    private readonly record struct Segment(double Start, double Length, double ArrivalsBefore, double Rate, double Slope);
}
