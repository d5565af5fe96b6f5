namespace Baton.Agent.Options;

/// <summary>
/// How each action type's poller paces its polls (<c>Baton:Agent:Polling</c>). While polls return
/// jobs and slots are free the poller polls again at once. After an empty poll it waits
/// <see cref="IdlePollStart"/>, doubling after each further empty poll up to
/// <see cref="IdlePollInterval"/>; each wait is 80–100% of that ceiling (jitter, so replicas drift
/// apart). After a failed poll (throttling, 5xx, transport) it waits <see cref="ErrorBackoffStart"/>,
/// doubling up to <see cref="ErrorBackoffMax"/>; each wait is 50–100% of that ceiling.
/// </summary>
public sealed class PollingOptions
{
    /// <summary>The first wait after an empty poll. Default: 1 second. Range: 10 ms – <see cref="IdlePollInterval"/>.</summary>
    public TimeSpan IdlePollStart { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between empty polls: the latency of picking up a new job on an idle agent.
    /// Default: 30 seconds (the cadence of the AWS sample job worker). Range: <see cref="IdlePollStart"/> – 10 minutes.
    /// </summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait after a failed poll. Default: 1 second. Range: 10 ms – <see cref="ErrorBackoffMax"/>.</summary>
    public TimeSpan ErrorBackoffStart { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between failed polls. Default: 1 minute. Range: <see cref="ErrorBackoffStart"/> – 30 minutes.</summary>
    public TimeSpan ErrorBackoffMax { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The health check reports unhealthy after this many failed polls in a row. Default: 5. Range: 1–1000.</summary>
    public int UnhealthyAfterFailedPolls { get; set; } = 5;

    /// <summary>
    /// The health check reports unhealthy when a poller that has free slots has not polled
    /// successfully for this long (since its last success, or since it started). Default: 5 minutes.
    /// Must exceed <see cref="IdlePollInterval"/>, or an idle agent looks unhealthy.
    /// </summary>
    public TimeSpan UnhealthyWithoutPollFor { get; set; } = TimeSpan.FromMinutes(5);
}
