using System.Globalization;
using Baton.Agent.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Hosting;

/// <summary>
/// The agent's health: healthy while every action type polls; degraded while polls fail but fewer
/// than <see cref="PollingOptions.UnhealthyAfterFailedPolls"/> in a row; unhealthy after that many,
/// when a poller with free slots has not polled successfully for
/// <see cref="PollingOptions.UnhealthyWithoutPollFor"/>, or when the agent is not running. The data
/// holds each action type's last successful poll and failure count.
/// </summary>
public sealed class AgentHealthCheck : IHealthCheck
{
    private readonly AgentStatus _status;
    private readonly PollingOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the check.</summary>
    /// <param name="status">The agent's state and pollers.</param>
    /// <param name="options">The thresholds.</param>
    /// <param name="timeProvider">The clock.</param>
    public AgentHealthCheck(AgentStatus status, IOptions<AgentOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _options = options.Value.Polling;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        var state = _status.State;
        if (state is not (AgentState.Polling or AgentState.Resuming))
        {
            return HealthCheckResult.Unhealthy($"The agent is not polling (state {state}).");
        }

        var now = _time.GetUtcNow();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var unhealthy = new List<string>();
        var degraded = new List<string>();
        foreach (var poller in _status.Pollers.Select(p => p.Snapshot()))
        {
            data[poller.ActionType + ":lastSuccessfulPoll"] = poller.LastSuccessfulPoll?.ToString("O", CultureInfo.InvariantCulture) ?? "never";
            data[poller.ActionType + ":consecutiveFailures"] = poller.ConsecutiveFailures;
            var silentFor = now - (poller.LastSuccessfulPoll ?? poller.StartedAt ?? now);
            if (poller.ConsecutiveFailures >= _options.UnhealthyAfterFailedPolls)
            {
                unhealthy.Add($"{poller.ActionType}: {poller.ConsecutiveFailures} polls in a row failed (last: {poller.LastFailure}).");
            }
            else if (!poller.AllSlotsBusy && silentFor > _options.UnhealthyWithoutPollFor)
            {
                unhealthy.Add($"{poller.ActionType}: no successful poll for {silentFor} (limit {_options.UnhealthyWithoutPollFor}).");
            }
            else if (poller.ConsecutiveFailures > 0)
            {
                degraded.Add($"{poller.ActionType}: {poller.ConsecutiveFailures} poll(s) in a row failed (last: {poller.LastFailure}).");
            }
        }

        return unhealthy.Count > 0
            ? HealthCheckResult.Unhealthy(string.Join(" ", unhealthy.Concat(degraded)), data: data)
            : degraded.Count > 0
                ? HealthCheckResult.Degraded(string.Join(" ", degraded), data: data)
                : HealthCheckResult.Healthy($"Polling {data.Count / 2} action type(s).", data);
    }
}
