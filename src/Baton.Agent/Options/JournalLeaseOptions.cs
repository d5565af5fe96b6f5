namespace Baton.Agent.Options;

/// <summary>
/// Leases of a journal shared by several replicas (<see cref="Journal.IJobLeaseJournal"/>): how long
/// an agent owns the jobs it records, how often it renews them and how often it looks for a dead
/// peer's jobs. A dead agent's jobs are re-run between <see cref="LeaseDuration"/> and
/// <see cref="LeaseDuration"/> + <see cref="AdoptInterval"/> after its last renewal, so their sum must
/// stay well below the job timeout of the action type (CodePipeline's is one hour).
/// </summary>
public sealed class JournalLeaseOptions
{
    /// <summary>
    /// How long a job stays owned after its agent last recorded or renewed it. Longer survives longer
    /// database or network hiccups; shorter re-runs a dead agent's jobs sooner. Keep it above the
    /// agent's <see cref="AgentOptions.DrainTimeout"/> (a stopping agent renews once, then drains).
    /// Default: 60 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How often an agent renews the leases of the jobs it runs. At most a third of
    /// <see cref="LeaseDuration"/>, so two missed renewals do not lose a job. Default: 15 seconds.
    /// </summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an agent looks for jobs whose lease expired. Default: 10 seconds.</summary>
    public TimeSpan AdoptInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most jobs one look adopts (1–100). Default: 10.</summary>
    public int AdoptBatchSize { get; set; } = 10;

    /// <summary>Checks the settings; each message names the setting, its value and what to change.</summary>
    /// <param name="section">The configuration path of these options, for the messages.</param>
    /// <returns>The problems found, empty when the settings are valid.</returns>
    public IReadOnlyList<string> Validate(string section)
    {
        var errors = new List<string>();
        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration > TimeSpan.FromHours(1))
        {
            errors.Add($"{section}:LeaseDuration is {LeaseDuration}; it must be between 00:00:01 and 01:00:00.");
        }

        if (RenewInterval <= TimeSpan.Zero || RenewInterval * 3 > LeaseDuration)
        {
            errors.Add($"{section}:RenewInterval is {RenewInterval}; it must be positive and at most a third of LeaseDuration ({LeaseDuration}) so a missed renewal does not lose a job.");
        }

        if (AdoptInterval <= TimeSpan.Zero || AdoptInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"{section}:AdoptInterval is {AdoptInterval}; it must be between 00:00:00.001 and 01:00:00.");
        }

        if (AdoptBatchSize is < 1 or > 100)
        {
            errors.Add($"{section}:AdoptBatchSize is {AdoptBatchSize}; it must be between 1 and 100.");
        }

        return errors;
    }
}
