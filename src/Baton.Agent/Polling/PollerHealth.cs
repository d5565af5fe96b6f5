namespace Baton.Agent.Polling;

/// <summary>
/// How one action type's poller is doing, for the health check: when it last polled successfully,
/// how many polls in a row failed, and whether it is not polling because all its slots are busy.
/// </summary>
public sealed class PollerHealth
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _lastSuccessfulPoll;
    private int _consecutiveFailures;
    private string? _lastFailure;
    private bool _allSlotsBusy;

    internal PollerHealth(string actionType)
    {
        ActionType = actionType;
    }

    /// <summary>The action type, <c>Category/Owner/Provider/Version</c>.</summary>
    public string ActionType { get; }

    /// <summary>Takes a consistent snapshot.</summary>
    public PollerHealthSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new PollerHealthSnapshot(ActionType, _startedAt, _lastSuccessfulPoll, _consecutiveFailures, _lastFailure, _allSlotsBusy);
        }
    }

    internal void Started(DateTimeOffset now) => Update(() => _startedAt ??= now);

    internal void PollSucceeded(DateTimeOffset now) => Update(() =>
    {
        _lastSuccessfulPoll = now;
        _consecutiveFailures = 0;
        _lastFailure = null;
    });

    internal void PollFailed(string description) => Update(() =>
    {
        _consecutiveFailures++;
        _lastFailure = description;
    });

    internal void SetAllSlotsBusy(bool busy) => Update(() => _allSlotsBusy = busy);

    private void Update(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }
}

/// <summary>One poller's health at one moment.</summary>
/// <param name="ActionType">The action type, <c>Category/Owner/Provider/Version</c>.</param>
/// <param name="StartedAt">When the poller started, or null before it did.</param>
/// <param name="LastSuccessfulPoll">When a poll last succeeded, or null if none has.</param>
/// <param name="ConsecutiveFailures">Failed polls since the last success.</param>
/// <param name="LastFailure">The last failure's description while failing, else null.</param>
/// <param name="AllSlotsBusy">True while the poller waits for a job to finish before it can poll.</param>
public sealed record PollerHealthSnapshot(
    string ActionType,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastSuccessfulPoll,
    int ConsecutiveFailures,
    string? LastFailure,
    bool AllSlotsBusy);
