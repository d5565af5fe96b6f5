using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Thresholds;

namespace Baton.LoadTest.Engine.Running;

/// <summary>
/// Closes each elapsed second: collects every worker's recordings into the second's bucket,
/// adds it to the run's totals (exactly), reports progress and, when asked, checks whether a
/// threshold is already certainly lost. Only one thread closes seconds at a time.
/// </summary>
internal sealed class SecondAggregator(
    RunState state,
    IProgress<LoadTestProgress>? progress,
    IReadOnlyList<Threshold> abortThresholds,
    long? plannedSends,
    TimeSpan plannedDuration,
    Func<double, double>? targetRateAt)
{
    private readonly MetricsBucket _interval = new();
    private readonly List<LoadTestSecond> _seconds = [];
    private int _nextSecond;

    public MetricsBucket Total { get; } = new();

    public IReadOnlyList<LoadTestSecond> Seconds => _seconds;

    /// <summary>The first certainly-lost threshold found, if any.</summary>
    public string? LossReason { get; private set; }

    /// <summary>Closes seconds as they elapse until <paramref name="stop"/>; calls <paramref name="onLoss"/> once on a lost threshold.</summary>
    public async Task RunAsync(Action onLoss, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await state.Clock.WaitUntilAsync(state.Start + state.SecondsToTicks(_nextSecond + 1), stop).ConfigureAwait(false);
                CloseSecond();
                if (LossReason is null && abortThresholds.Count > 0)
                {
                    LossReason = abortThresholds
                        .Select(t => ThresholdLossCheck.Check(t, Total.Corrected, Total.ToCounters(), plannedSends))
                        .FirstOrDefault(reason => reason is not null);
                    if (LossReason is not null)
                    {
                        onLoss();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Closes the last, partial second; skipped when nothing happened in it.</summary>
    public void Finish()
    {
        state.Recorder.Collect(_interval);
        if (!_interval.IsEmpty || _seconds.Count == 0)
        {
            CloseSecond(collected: true);
        }
    }

    private void CloseSecond(bool collected = false)
    {
        if (!collected)
        {
            state.Recorder.Collect(_interval);
        }

        Total.Add(_interval);
        var second = new LoadTestSecond
        {
            Second = _nextSecond,
            Counters = _interval.ToCounters(),
            Latency = LatencyHistograms.Summarize(_interval.Corrected),
            UncorrectedLatency = LatencyHistograms.Summarize(_interval.Uncorrected),
            LatencyHistogram = HistogramSnapshot.From(_interval.Corrected),
            UncorrectedLatencyHistogram = HistogramSnapshot.From(_interval.Uncorrected),
            InFlight = state.InFlight,
            TargetRate = targetRateAt?.Invoke(_nextSecond + 0.5),
        };
        _interval.Reset();
        _seconds.Add(second);
        _nextSecond++;
        var elapsed = state.Clock.Between(state.Start, state.Clock.Now);
        progress?.Report(new LoadTestProgress
        {
            Interval = second,
            Elapsed = elapsed,
            Totals = Total.ToCounters(),
            InFlight = second.InFlight,
            PlannedSends = plannedSends,
            Fraction = Math.Clamp(elapsed / plannedDuration, 0, 1),
        });
    }
}
