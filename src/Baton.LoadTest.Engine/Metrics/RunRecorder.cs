namespace Baton.LoadTest.Engine.Metrics;

/// <summary>
/// The run's recording front: each thread records into its own <see cref="WorkerRecorder"/>
/// (no shared lock or cache line per request), and <see cref="Collect"/> merges them all into a
/// bucket once a second. Values are keyed by the collection they fall into, i.e. by the second
/// in which the request finished.
/// </summary>
internal sealed class RunRecorder(TimeProvider timeProvider) : IDisposable
{
    private readonly ThreadLocal<WorkerRecorder> _workers = new(() => new WorkerRecorder(), trackAllValues: true);
    private readonly Stack<MetricsBucket> _spares = new();
    private readonly double _microsPerTick = 1_000_000.0 / timeProvider.TimestampFrequency;

    public void RecordSent() => _workers.Value!.Sent();

    public void RecordMissed(bool atCapacity) => _workers.Value!.Missed(atCapacity);

    /// <summary>Records a finished request.</summary>
    /// <param name="intended">When it was meant to start (the corrected latency's origin).</param>
    /// <param name="sent">When its bytes started to go out (the uncorrected latency's origin).</param>
    /// <param name="finished">When the response was complete.</param>
    /// <param name="result">What the transport reported.</param>
    public void RecordCompleted(long intended, long sent, long finished, in Transport.TransportResult result) =>
        _workers.Value!.Completed(
            ToMicros(finished - intended),
            ToMicros(finished - Math.Max(sent, intended)),
            result.StatusCode,
            result.Error,
            result.BytesSent,
            result.BytesReceived);

    /// <summary>Moves everything recorded since the last call into <paramref name="target"/>. Called by one thread at a time.</summary>
    public void Collect(MetricsBucket target)
    {
        foreach (var worker in _workers.Values)
        {
            var full = worker.Swap(_spares.Count > 0 ? _spares.Pop() : new MetricsBucket());
            target.Add(full);
            full.Reset();
            _spares.Push(full);
        }
    }

    public void Dispose() => _workers.Dispose();

    private long ToMicros(long ticks) => (long)(ticks * _microsPerTick);
}
