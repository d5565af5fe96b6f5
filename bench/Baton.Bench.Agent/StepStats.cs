using System.Globalization;
using HdrHistogram;

namespace Baton.Bench.Agent;

/// <summary>
/// What the agent process measures: steps started and finished, and how late each continuation
/// ran beyond its intended start (microseconds, HdrHistogram, 3 significant digits). Thread-safe.
/// </summary>
internal sealed class StepStats
{
    private readonly LongHistogram _delays = new(3_600_000_000L, 3);
    private long _starts;
    private long _finishes;

    public void CountStart() => Interlocked.Increment(ref _starts);

    public void CountFinish() => Interlocked.Increment(ref _finishes);

    public void RecordDelay(TimeSpan delay)
    {
        var micros = Math.Clamp((long)delay.TotalMicroseconds, 0, _delays.HighestTrackableValue);
        lock (_delays)
        {
            _delays.RecordValue(micros);
        }
    }

    /// <summary>One line: <c>starts finishes continuations p50_ms p99_ms max_ms</c>.</summary>
    public string Snapshot()
    {
        lock (_delays)
        {
            var count = _delays.TotalCount;
            double Ms(double percentile) => count == 0 ? 0 : _delays.GetValueAtPercentile(percentile) / 1000.0;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{Interlocked.Read(ref _starts)} {Interlocked.Read(ref _finishes)} {count} {Ms(50):F1} {Ms(99):F1} {(count == 0 ? 0 : _delays.GetMaxValue() / 1000.0):F1}");
        }
    }
}
