using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Scheduling;
using Baton.LoadTest.Engine.Transport;

namespace Baton.LoadTest.Engine.Running;

/// <summary>
/// What the load drivers and the per-second aggregator share during a run: the clock and start
/// instant, the transport, the recorder, and the in-flight count that tells when the run has drained.
/// </summary>
internal sealed class RunState(SendClock clock, ILoadTransport transport, TargetSelector selector, RunRecorder recorder)
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _inFlight;
    private int _sendingDone;

    public SendClock Clock { get; } = clock;

    public RunRecorder Recorder { get; } = recorder;

    /// <summary>The run's start instant (<see cref="TimeProvider.GetTimestamp"/>); schedules are offsets from it.</summary>
    public long Start { get; } = clock.Now;

    public long InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Completes once sending is over and every started request has finished.</summary>
    public Task Drained => _drained.Task;

    public long SecondsToTicks(double seconds) => (long)(seconds * Clock.TimeProvider.TimestampFrequency);

    /// <summary>Starts one request meant to go out at <paramref name="intended"/>; completes when it is recorded.</summary>
    public Task SendAsync(long intended, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        Recorder.RecordSent();
        return CompleteAsync(intended, cancellationToken);
    }

    public void MarkSendingDone()
    {
        Interlocked.Exchange(ref _sendingDone, 1);
        if (InFlight == 0)
        {
            _drained.TrySetResult();
        }
    }

    private async Task CompleteAsync(long intended, CancellationToken cancellationToken)
    {
        try
        {
            TransportResult result;
            try
            {
                result = await transport.SendAsync(selector.Next(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A transport must not throw; if one does, the request still counts, as an error.
                result = TransportResult.Failed(LoadErrorKind.Other, intended);
            }

            Recorder.RecordCompleted(intended, result.SentTimestamp, Clock.Now, result);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && Volatile.Read(ref _sendingDone) == 1)
            {
                _drained.TrySetResult();
            }
        }
    }
}
