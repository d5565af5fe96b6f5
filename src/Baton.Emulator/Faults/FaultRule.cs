namespace Baton.Emulator.Faults;

/// <summary>What an injected fault does to a CodePipeline API call.</summary>
public enum FaultKind
{
    /// <summary>Answer HTTP 400 <c>ThrottlingException</c> "Rate exceeded".</summary>
    Throttling,

    /// <summary>Answer HTTP 500 <c>InternalFailure</c>.</summary>
    InternalError,

    /// <summary>Answer HTTP 503 <c>ServiceUnavailable</c>.</summary>
    ServiceUnavailable,

    /// <summary>Wait <see cref="FaultRule.Latency"/>, then serve the call normally.</summary>
    Latency,

    /// <summary>Drop the connection without an answer.</summary>
    DropConnection,
}

/// <summary>
/// One fault to inject: which operation (or <c>*</c> for all), what happens, and how often —
/// with a probability per call, for a number of calls, or both (each call hit with the
/// probability until the count is used up).
/// </summary>
/// <param name="Operation">The operation name, or <c>*</c>.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Probability">The chance per matching call, 0 to 1; null means every call.</param>
/// <param name="Count">How many calls to hit at most; null means no limit.</param>
/// <param name="Latency">The added delay for <see cref="FaultKind.Latency"/>.</param>
public sealed record FaultRule(string Operation, FaultKind Kind, double? Probability, int? Count, TimeSpan Latency)
{
    /// <summary>Whether the rule applies to <paramref name="operation"/>.</summary>
    /// <param name="operation">The operation being called.</param>
    public bool Matches(string operation) => Operation == "*" || Operation == operation;
}
