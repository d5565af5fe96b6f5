using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Scheduling;
using HdrHistogram;

namespace Baton.LoadTest.Engine.Running;

/// <summary>
/// Sends on the open model's schedule. One loop walks the absolute send instants (offsets from
/// the start, never "previous send + interval", so lateness does not accumulate) and starts each
/// request without waiting for earlier ones. A send is counted as missed, never silently dropped,
/// when <see cref="OpenLoadModel.MaxInFlight"/> requests are already in flight or the loop reaches
/// it more than <see cref="OpenLoadModel.MaxScheduleLag"/> late. How late each send started is kept
/// as the scheduler-lag histogram.
/// </summary>
internal sealed class OpenModelDriver(RunState state, OpenLoadModel model)
{
    public ArrivalSchedule Schedule { get; } = new(model);

    /// <summary>Microseconds between each send's intended and actual start (written by the send loop only).</summary>
    public LongHistogram SchedulerLag { get; } = LatencyHistograms.Create();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var clock = state.Clock;
        var maxLag = state.SecondsToTicks(model.MaxScheduleLag.TotalSeconds);
        var microsPerTick = 1_000_000.0 / clock.TimeProvider.TimestampFrequency;
        for (long i = 0; i < Schedule.TotalCount; i++)
        {
            var intended = clock.ToTimestamp(state.Start, Schedule.OffsetOf(i));
            await clock.WaitUntilAsync(intended, cancellationToken).ConfigureAwait(false);
            var lag = clock.Now - intended;
            LatencyHistograms.Record(SchedulerLag, (long)(lag * microsPerTick));
            if (lag > maxLag)
            {
                state.Recorder.RecordMissed(atCapacity: false);
            }
            else if (state.InFlight >= model.MaxInFlight)
            {
                state.Recorder.RecordMissed(atCapacity: true);
            }
            else
            {
                _ = state.SendAsync(intended, cancellationToken);
            }
        }
    }

    /// <summary>The target rate at an offset from the start, in requests per second.</summary>
    public double RateAt(double seconds)
    {
        var before = Schedule.ArrivalsBy(Math.Max(0, seconds - 0.5));
        var after = Schedule.ArrivalsBy(Math.Min(Schedule.Duration, seconds + 0.5));
        var width = Math.Min(Schedule.Duration, seconds + 0.5) - Math.Max(0, seconds - 0.5);
        return width > 0 ? (after - before) / width : 0;
    }
}
