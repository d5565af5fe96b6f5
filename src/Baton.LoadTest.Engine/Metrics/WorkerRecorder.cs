namespace Baton.LoadTest.Engine.Metrics;

/// <summary>
/// One thread's recorder. Only its own thread records into it, so its lock is uncontended
/// except for the instant, once a second, when the aggregator swaps the bucket out.
/// </summary>
internal sealed class WorkerRecorder
{
    private readonly Lock _gate = new();
    private MetricsBucket _bucket = new();

    public void Sent()
    {
        lock (_gate)
        {
            _bucket.Sent++;
        }
    }

    public void Missed(bool atCapacity)
    {
        lock (_gate)
        {
            if (atCapacity)
            {
                _bucket.MissedAtCapacity++;
            }
            else
            {
                _bucket.MissedBehindSchedule++;
            }
        }
    }

    public void Completed(long correctedMicros, long uncorrectedMicros, int status, LoadErrorKind error, long bytesSent, long bytesReceived)
    {
        lock (_gate)
        {
            var bucket = _bucket;
            bucket.BytesSent += bytesSent;
            bucket.BytesReceived += bytesReceived;
            if (error != LoadErrorKind.None)
            {
                bucket.Errors[(int)error]++;
                return;
            }

            bucket.Statuses[status is > 0 and < MetricsBucket.StatusSlots ? status : 0]++;
            LatencyHistograms.Record(bucket.Corrected, correctedMicros);
            LatencyHistograms.Record(bucket.Uncorrected, uncorrectedMicros);
        }
    }

    /// <summary>Hands back everything recorded so far and continues in <paramref name="empty"/>.</summary>
    public MetricsBucket Swap(MetricsBucket empty)
    {
        lock (_gate)
        {
            var full = _bucket;
            _bucket = empty;
            return full;
        }
    }
}
