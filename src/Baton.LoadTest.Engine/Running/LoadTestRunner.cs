using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Scheduling;
using Baton.LoadTest.Engine.Thresholds;
using Baton.LoadTest.Engine.Transport;

namespace Baton.LoadTest.Engine.Running;

/// <summary>
/// Runs a <see cref="LoadTestPlan"/>:
/// <code>
/// validate → open transport → start instant
///   ├─ driver (open: schedule loop / closed: virtual users) ── until duration, cancel or abort
///   └─ aggregator: every elapsed second → collect, progress, threshold-loss check
/// → sending over → wait for in-flight answers (bounded) → last second → thresholds, self-check
/// </code>
/// Cancellation ends the run promptly (in-flight requests are cancelled) and still returns a
/// result, marked <see cref="LoadTestOutcome.Cancelled"/>.
/// </summary>
/// <param name="timeProvider">The clock (system clock by default).</param>
/// <param name="transportFactory">Creates the transport (by default <see cref="LoadTransports.Create"/>).</param>
public sealed class LoadTestRunner(TimeProvider? timeProvider = null, Func<LoadTestPlan, TimeProvider, ILoadTransport>? transportFactory = null)
{
    private static readonly TimeSpan _drainGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _cancelledDrain = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;
    private readonly Func<LoadTestPlan, TimeProvider, ILoadTransport> _transportFactory = transportFactory ?? LoadTransports.Create;
    private readonly bool _defaultTransport = transportFactory is null;
    private readonly int? _loopThreads;

    /// <summary>
    /// Event-loop threads for closed runs without think time against plain-http HTTP/1.1 targets
    /// (by default one per core, at most one per virtual user).
    /// </summary>
    public int? EventLoopThreads
    {
        get => _loopThreads;
        init => _loopThreads = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "EventLoopThreads must be at least 1.");
    }

    /// <summary>Runs the plan to the end, to cancellation, or to a threshold abort.</summary>
    /// <param name="plan">The plan; validated first.</param>
    /// <param name="progress">Receives one report per elapsed second, on the aggregator's thread.</param>
    /// <param name="cancellationToken">Ends the run early; the result is then marked cancelled.</param>
    /// <returns>The result.</returns>
    /// <exception cref="LoadTestPlanException">The plan is invalid.</exception>
    public async Task<LoadTestResult> RunAsync(LoadTestPlan plan, IProgress<LoadTestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var thresholds = plan.Validate();
        var transport = _transportFactory(plan, _timeProvider);
        await using (transport.ConfigureAwait(false))
        {
            using var recorder = new RunRecorder(_timeProvider);
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var stopAggregator = new CancellationTokenSource();
            var open = plan.Model as OpenLoadModel;
            var clock = new SendClock(_timeProvider, open?.SpinWindow ?? TimeSpan.Zero);
            var selector = new TargetSelector([.. plan.Request.Targets.Select(t => t.Weight)]);
            var state = new RunState(clock, transport, selector, recorder);
            var startedAt = _timeProvider.GetUtcNow();
            var openDriver = open is null ? null : new OpenModelDriver(state, open);
            var aggregator = new SecondAggregator(
                state,
                progress,
                plan.AbortOnThresholdLoss ? thresholds : [],
                openDriver?.Schedule.TotalCount,
                plan.Model.Duration,
                openDriver is null ? null : openDriver.RateAt);
            var aggregating = aggregator.RunAsync(abort.Cancel, stopAggregator.Token);

            // A failing progress handler ends the run at once; RunAsync then rethrows its exception.
            _ = aggregating.ContinueWith(_ => abort.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

            var loopDriver = openDriver is null && _defaultTransport ? EventLoopClosedDriver.TryCreate(plan, _timeProvider, state, _loopThreads) : null;
            var driving = openDriver?.RunAsync(abort.Token)
                ?? loopDriver?.RunAsync(abort.Token)
                ?? new ClosedModelDriver(state, (ClosedLoadModel)plan.Model).RunAsync(abort.Token);
            try
            {
                await driving.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
            }

            var sendEnd = clock.Now;
            state.MarkSendingDone();
            var drainLimit = abort.IsCancellationRequested ? _cancelledDrain : plan.RequestTimeout + _drainGrace;
            await Task.WhenAny(state.Drained, Task.Delay(drainLimit, _timeProvider, CancellationToken.None)).ConfigureAwait(false);
            await stopAggregator.CancelAsync().ConfigureAwait(false);
            await aggregating.ConfigureAwait(false);
            aggregator.Finish();

            var outcome = cancellationToken.IsCancellationRequested ? LoadTestOutcome.Cancelled
                : aggregator.LossReason is not null ? LoadTestOutcome.Aborted
                : LoadTestOutcome.Completed;
            var summary = Summarize(state, aggregator, openDriver, startedAt, sendEnd, outcome);
            return new LoadTestResult
            {
                Outcome = outcome,
                AbortReason = outcome == LoadTestOutcome.Aborted ? aggregator.LossReason : null,
                Summary = summary,
                Seconds = aggregator.Seconds,
                Thresholds = ThresholdEvaluator.Evaluate(thresholds, aggregator.Total.Corrected, summary.Counters, summary.AchievedRate),
                Warnings = open is null ? [] : GeneratorSelfCheck.Check(summary, open.MaxInFlight, open.MaxScheduleLag),
            };
        }
    }

    private static LoadTestSummary Summarize(RunState state, SecondAggregator aggregator, OpenModelDriver? openDriver, DateTimeOffset startedAt, long sendEnd, LoadTestOutcome outcome)
    {
        var clock = state.Clock;
        var total = aggregator.Total;
        var counters = total.ToCounters();
        var sendDuration = clock.Between(state.Start, sendEnd);
        long? planned = null;
        double? targetRate = null;
        if (openDriver is not null)
        {
            var schedule = openDriver.Schedule;
            if (outcome == LoadTestOutcome.Completed)
            {
                // Rates are over the planned length, not the moment the last send happened to go out.
                sendDuration = TimeSpan.FromSeconds(schedule.Duration);
            }

            var seconds = Math.Min(sendDuration.TotalSeconds, schedule.Duration);
            planned = outcome == LoadTestOutcome.Completed ? schedule.TotalCount : (long)Math.Ceiling(schedule.ArrivalsBy(seconds));
            targetRate = seconds > 0 ? schedule.ArrivalsBy(seconds) / seconds : 0;
        }

        return new LoadTestSummary
        {
            StartedAt = startedAt,
            SendDuration = sendDuration,
            Elapsed = clock.Between(state.Start, clock.Now),
            Counters = counters,
            Latency = LatencyHistograms.Summarize(total.Corrected),
            UncorrectedLatency = LatencyHistograms.Summarize(total.Uncorrected),
            LatencyHistogram = HistogramSnapshot.From(total.Corrected),
            UncorrectedLatencyHistogram = HistogramSnapshot.From(total.Uncorrected),
            AchievedRate = sendDuration > TimeSpan.Zero ? counters.Completed / sendDuration.TotalSeconds : 0,
            PlannedSends = planned,
            TargetRate = targetRate,
            SchedulerLag = openDriver is null ? null : LatencyHistograms.Summarize(openDriver.SchedulerLag),
        };
    }
}
