namespace Baton.LoadTest.Engine.Metrics;

/// <summary>The counts of one interval (a second, or the whole run).</summary>
public sealed record LoadTestCounters
{
    /// <summary>Requests started.</summary>
    public long Sent { get; init; }

    /// <summary>Requests that got an HTTP response (any status).</summary>
    public long Responses { get; init; }

    /// <summary>Responses with status 400 or above.</summary>
    public long FailedResponses { get; init; }

    /// <summary>Requests that got no response (timeouts, refused or reset connections, protocol errors…), not counting cancelled ones.</summary>
    public long TransportErrors { get; init; }

    /// <summary>Requests cut short because the run was cancelled or aborted; neither successes nor errors.</summary>
    public long Cancelled { get; init; }

    /// <summary>Sends not started because <c>MaxInFlight</c> requests were already in flight.</summary>
    public long MissedAtCapacity { get; init; }

    /// <summary>Sends not started because the generator fell more than <c>MaxScheduleLag</c> behind the schedule.</summary>
    public long MissedBehindSchedule { get; init; }

    /// <summary>Bytes written (exact for the socket client; headers estimated for HttpClient).</summary>
    public long BytesSent { get; init; }

    /// <summary>Bytes read (exact for the socket client; headers estimated for HttpClient).</summary>
    public long BytesReceived { get; init; }

    /// <summary>Responses by status code.</summary>
    public IReadOnlyDictionary<int, long> StatusCounts { get; init; } = new Dictionary<int, long>();

    /// <summary>Requests without a response, by kind (including <see cref="LoadErrorKind.Cancelled"/>).</summary>
    public IReadOnlyDictionary<LoadErrorKind, long> ErrorCounts { get; init; } = new Dictionary<LoadErrorKind, long>();

    /// <summary>Requests finished: responses plus transport errors.</summary>
    public long Completed => Responses + TransportErrors;

    /// <summary>Sends the generator could not start (both reasons).</summary>
    public long Missed => MissedAtCapacity + MissedBehindSchedule;

    /// <summary>Finished requests that failed: transport errors plus responses with status 400 or above.</summary>
    public long Errors => TransportErrors + FailedResponses;

    /// <summary><see cref="Errors"/> as a share of <see cref="Completed"/>, 0 to 1 (0 when nothing completed).</summary>
    public double ErrorRate => Completed == 0 ? 0 : (double)Errors / Completed;
}
