using Baton.Agent.Options;

namespace Baton.Agent.Polling;

/// <summary>
/// The waits between polls. Both kinds grow exponentially from a start value to a cap; the jitter
/// only ever shortens a wait, so the configured caps hold:
/// <list type="bullet">
/// <item>idle (an empty poll): 80–100% of <c>min(IdlePollInterval, IdlePollStart × 2^(n−1))</c>,
/// a narrow band because idle polls should stay near their cadence;</item>
/// <item>error (a failed poll): 50–100% of <c>min(ErrorBackoffMax, ErrorBackoffStart × 2^(n−1))</c>
/// ("equal jitter": replicas throttled together spread out, yet each still backs off).</item>
/// </list>
/// </summary>
internal sealed class PollBackoff
{
    private const double IdleFloor = 0.8;
    private const double ErrorFloor = 0.5;

    private readonly PollingOptions _options;
    private readonly IJitterSource _jitter;

    public PollBackoff(PollingOptions options, IJitterSource jitter)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _jitter = jitter ?? throw new ArgumentNullException(nameof(jitter));
    }

    /// <summary>The wait after the <paramref name="emptyPolls"/>-th empty poll in a row (1-based).</summary>
    public TimeSpan Idle(int emptyPolls) =>
        Jittered(Ceiling(_options.IdlePollStart, _options.IdlePollInterval, emptyPolls), IdleFloor);

    /// <summary>The wait after the <paramref name="failedPolls"/>-th failed poll in a row (1-based).</summary>
    public TimeSpan Error(int failedPolls) =>
        Jittered(Ceiling(_options.ErrorBackoffStart, _options.ErrorBackoffMax, failedPolls), ErrorFloor);

    private static TimeSpan Ceiling(TimeSpan start, TimeSpan cap, int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        return TimeSpan.FromMilliseconds(Math.Min(cap.TotalMilliseconds, start.TotalMilliseconds * Math.Pow(2, exponent)));
    }

    private TimeSpan Jittered(TimeSpan ceiling, double floor)
    {
        var fraction = floor + (1 - floor) * Math.Clamp(_jitter.Next(), 0, 1);
        return TimeSpan.FromMilliseconds(Math.Round(ceiling.TotalMilliseconds * fraction));
    }
}
