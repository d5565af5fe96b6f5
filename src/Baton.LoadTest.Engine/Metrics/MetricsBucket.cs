using HdrHistogram;

namespace Baton.LoadTest.Engine.Metrics;

/// <summary>
/// Everything recorded over one interval (a worker's share of a second, a whole second, or the
/// whole run). Not thread-safe: a bucket is written by one owner at a time and merged with
/// <see cref="Add"/>, which is exact (histogram counts and counters are simply summed).
/// </summary>
internal sealed class MetricsBucket
{
    public const int StatusSlots = 1000;
    private static readonly int _errorKinds = Enum.GetValues<LoadErrorKind>().Length;

    public LongHistogram Corrected { get; } = LatencyHistograms.Create();

    public LongHistogram Uncorrected { get; } = LatencyHistograms.Create();

    public long[] Statuses { get; } = new long[StatusSlots];

    public long[] Errors { get; } = new long[_errorKinds];

    public long Sent { get; set; }

    public long MissedAtCapacity { get; set; }

    public long MissedBehindSchedule { get; set; }

    public long BytesSent { get; set; }

    public long BytesReceived { get; set; }

    public bool IsEmpty =>
        Sent == 0 && MissedAtCapacity == 0 && MissedBehindSchedule == 0 && !Statuses.Any(c => c > 0) && !Errors.Any(c => c > 0);

    public void Add(MetricsBucket other)
    {
        Corrected.Add(other.Corrected);
        Uncorrected.Add(other.Uncorrected);
        for (var i = 0; i < Statuses.Length; i++)
        {
            Statuses[i] += other.Statuses[i];
        }

        for (var i = 0; i < Errors.Length; i++)
        {
            Errors[i] += other.Errors[i];
        }

        Sent += other.Sent;
        MissedAtCapacity += other.MissedAtCapacity;
        MissedBehindSchedule += other.MissedBehindSchedule;
        BytesSent += other.BytesSent;
        BytesReceived += other.BytesReceived;
    }

    public void Reset()
    {
        Corrected.Reset();
        Uncorrected.Reset();
        Array.Clear(Statuses);
        Array.Clear(Errors);
        Sent = MissedAtCapacity = MissedBehindSchedule = BytesSent = BytesReceived = 0;
    }

    public LoadTestCounters ToCounters()
    {
        var statuses = new SortedDictionary<int, long>();
        long responses = 0;
        long failedStatuses = 0;
        for (var code = 0; code < Statuses.Length; code++)
        {
            if (Statuses[code] > 0)
            {
                statuses[code] = Statuses[code];
                responses += Statuses[code];
                failedStatuses += code >= 400 ? Statuses[code] : 0;
            }
        }

        var errors = new SortedDictionary<LoadErrorKind, long>();
        long transportErrors = 0;
        for (var kind = 1; kind < Errors.Length; kind++)
        {
            if (Errors[kind] > 0)
            {
                errors[(LoadErrorKind)kind] = Errors[kind];
                transportErrors += (LoadErrorKind)kind == LoadErrorKind.Cancelled ? 0 : Errors[kind];
            }
        }

        return new LoadTestCounters
        {
            Sent = Sent,
            Responses = responses,
            FailedResponses = failedStatuses,
            TransportErrors = transportErrors,
            Cancelled = Errors[(int)LoadErrorKind.Cancelled],
            MissedAtCapacity = MissedAtCapacity,
            MissedBehindSchedule = MissedBehindSchedule,
            BytesSent = BytesSent,
            BytesReceived = BytesReceived,
            StatusCounts = statuses,
            ErrorCounts = errors,
        };
    }
}
