using System.ComponentModel.DataAnnotations;

namespace Baton.Agent.Options;

/// <summary>
/// Settings of a Baton agent, bound from the <c>Baton:Agent</c> configuration section and validated
/// at start-up. Every setting is documented here.
/// </summary>
public sealed class AgentOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "Baton:Agent";

    /// <summary>
    /// The name of this agent replica, recorded in the journal so a restarted replica finds the jobs
    /// it acknowledged. Must stay the same across restarts of one replica. Default: generated once
    /// (<c>&lt;machine name&gt;-&lt;8 hex digits&gt;</c>) and kept in <c>agent-id</c> under
    /// <see cref="StateDirectory"/>, so it is stable per state directory.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(200)]
    public string AgentId { get; set; } = string.Empty;

    /// <summary>
    /// A directory the agent owns: the generated continuation key and the default SQLite journal
    /// live here. Default: <c>baton-agent</c> under the user's local application data.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string StateDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "baton-agent");

    /// <summary>
    /// How long a report (Put*Result) may take, retries included. Reports do not use the stopping
    /// token: a job is handed back even while the agent stops. Default: 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ReportTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long running steps may go on after the agent is asked to stop. Polling stops at once and
    /// steps waiting for their <c>notBefore</c> are handed back at once; a step still running when
    /// this elapses is cancelled and handed back. Keep it below the host's shutdown timeout
    /// (<c>HostOptions.ShutdownTimeout</c>, 30 seconds by default) so hand-backs can be reported.
    /// Default: 20 seconds. Range: 0 – 1 hour.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Polling cadence, backoff and the health thresholds.</summary>
    public PollingOptions Polling { get; set; } = new();

    /// <summary>Continuation token keys.</summary>
    public ContinuationOptions Continuation { get; set; } = new();

    /// <summary>The crash-recovery journal.</summary>
    public JournalOptions Journal { get; set; } = new();

    /// <summary>
    /// Third-party actions: the client token of each client id (<c>Baton:Agent:ClientTokens:&lt;clientId&gt;</c>),
    /// as CodePipeline handed them over when the customer connected the action. Secret: never logged.
    /// </summary>
    public Dictionary<string, string> ClientTokens { get; set; } = new(StringComparer.Ordinal);
}
