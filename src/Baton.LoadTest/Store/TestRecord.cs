using Baton.LoadTest.Contracts;

namespace Baton.LoadTest.Store;

/// <summary>A load test as the store holds it.</summary>
public sealed record TestRecord
{
    /// <summary>The test id; unguessable, so the details page can be public by id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The owning account.</summary>
    public required string AccountId { get; init; }

    /// <summary>The <c>Idempotency-Key</c> the test was created with, unique per account.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>What the test does.</summary>
    public required TestDefinition Definition { get; init; }

    /// <summary>Where it stands.</summary>
    public required TestStatus Status { get; init; }

    /// <summary>When it was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The figures so far (final once ended).</summary>
    public TestFigures Figures { get; init; } = TestFigures.None;

    /// <summary>The threshold verdicts (empty until the test ends).</summary>
    public IReadOnlyList<ThresholdOutcome> ThresholdOutcomes { get; init; } = [];

    /// <summary>Why it was cancelled, aborted or ended in error.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether the test has ended (any state but Queued and Running).</summary>
    public bool HasEnded => Status is not (TestStatus.Queued or TestStatus.Running);
}

/// <summary>The figures of a test so far.</summary>
/// <param name="ElapsedSeconds">Seconds run.</param>
/// <param name="PercentComplete">Progress, 0–100.</param>
/// <param name="Requests">Finished requests.</param>
/// <param name="Errors">Failed requests.</param>
/// <param name="RequestsPerSecond">Finished requests per second of sending.</param>
/// <param name="LatencyHistogram">The merged latency histogram so far (HistogramSnapshot base64), or null before any second.</param>
public sealed record TestFigures(double ElapsedSeconds, int PercentComplete, long Requests, long Errors, double RequestsPerSecond, string? LatencyHistogram)
{
    /// <summary>No figures yet.</summary>
    public static TestFigures None { get; } = new(0, 0, 0, 0, 0, null);
}

/// <summary>The verdict on one threshold.</summary>
/// <param name="Expression">The clause, e.g. <c>p95&lt;300ms</c>.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Measured">The measured value as text, e.g. <c>41.2 ms</c>.</param>
public sealed record ThresholdOutcome(string Expression, bool Passed, string Measured);

/// <summary>One persisted second of a running test.</summary>
/// <param name="Second">The elapsed second, from 0.</param>
/// <param name="Requests">Requests finished in the second.</param>
/// <param name="Errors">Failed requests in the second.</param>
/// <param name="LatencyHistogram">The second's latency histogram (HistogramSnapshot base64).</param>
public sealed record TestSecondRecord(int Second, long Requests, long Errors, string LatencyHistogram);

/// <summary>How a test ended.</summary>
/// <param name="Status">Passed, Failed, Cancelled or Error.</param>
/// <param name="EndedAt">When.</param>
/// <param name="Figures">The final figures.</param>
/// <param name="Thresholds">The verdicts.</param>
/// <param name="Reason">Why, for Cancelled, Error and aborted runs.</param>
public sealed record TestCompletion(TestStatus Status, DateTimeOffset EndedAt, TestFigures Figures, IReadOnlyList<ThresholdOutcome> Thresholds, string? Reason);
