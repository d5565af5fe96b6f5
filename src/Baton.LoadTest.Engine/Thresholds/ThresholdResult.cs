namespace Baton.LoadTest.Engine.Thresholds;

/// <summary>The verdict on one threshold at the end of a run.</summary>
/// <param name="Threshold">The clause.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Measured">The measured value in the clause's unit (µs, %, requests/s), or NaN without data.</param>
/// <param name="MeasuredText">The measured value formatted like the limit, e.g. <c>212.3ms</c>, or <c>no data</c>.</param>
public sealed record ThresholdResult(Threshold Threshold, bool Passed, double Measured, string MeasuredText)
{
    /// <summary>One line for reports, e.g. <c>p95&lt;300ms: 212.3ms (passed)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Threshold}: {MeasuredText} ({(Passed ? "passed" : "failed")})";
}
