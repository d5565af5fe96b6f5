namespace Baton.LoadTest.Contracts;

/// <summary>A load test as the API shows it: its settings, where it stands and its figures so far.</summary>
public sealed record TestView
{
    /// <summary>The test id (a GUID).</summary>
    public required string Id { get; init; }

    /// <summary>The test's name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the test stands.</summary>
    public required TestStatus Status { get; init; }

    /// <summary>Progress, 0–100 (100 once the test has ended).</summary>
    public required int PercentComplete { get; init; }

    /// <summary>The target URLs.</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The arrival rate (open model), if set.</summary>
    public double? Rate { get; init; }

    /// <summary>The virtual users (closed model), if set.</summary>
    public int? Users { get; init; }

    /// <summary>The planned sending time, in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>When the test was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The figures so far (final once the test has ended).</summary>
    public required TestFiguresView Figures { get; init; }

    /// <summary>Each threshold with its verdict (the verdict is null until the test ends).</summary>
    public required IReadOnlyList<ThresholdView> Thresholds { get; init; }

    /// <summary>One line, e.g. <c>1,204 req/s · p95 41 ms · 0.1% errors</c>.</summary>
    public required string Summary { get; init; }

    /// <summary>Why the test was cancelled, aborted or ended in error.</summary>
    public string? Reason { get; init; }

    /// <summary>The details page of the test.</summary>
    public string? DetailsUrl { get; init; }
}

/// <summary>The live or final figures of a test.</summary>
/// <param name="ElapsedSeconds">Seconds of the test run so far.</param>
/// <param name="Requests">Requests finished (responses plus transport errors).</param>
/// <param name="Errors">Failed requests (transport errors and statuses of 400 and above).</param>
/// <param name="RequestsPerSecond">Finished requests per second of sending.</param>
/// <param name="ErrorPercent">Errors as a percentage of finished requests.</param>
/// <param name="P50Ms">The median latency in milliseconds (null before any response).</param>
/// <param name="P95Ms">The 95th percentile latency in milliseconds.</param>
/// <param name="P99Ms">The 99th percentile latency in milliseconds.</param>
public sealed record TestFiguresView(
    double ElapsedSeconds,
    long Requests,
    long Errors,
    double RequestsPerSecond,
    double ErrorPercent,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms);

/// <summary>One threshold and its verdict.</summary>
/// <param name="Expression">The clause, e.g. <c>p95&lt;300ms</c>.</param>
/// <param name="Passed">The verdict; null until the test ends.</param>
/// <param name="Measured">The measured value, e.g. <c>41.2 ms</c>, <c>0.1%</c> or <c>no data</c>; null until the test ends.</param>
public sealed record ThresholdView(string Expression, bool? Passed, string? Measured);
