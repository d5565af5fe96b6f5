namespace Baton.Agent.Runner;

/// <summary>
/// The two moments of a graceful stop as a job step sees them. At <see cref="Stopping"/> polling
/// ends, and a step that waits for its <c>notBefore</c> (or has not started yet) is handed back at
/// once. A running step keeps going until <see cref="GraceExpired"/>, the end of the drain timeout;
/// then the handler is cancelled and the job handed back too.
/// </summary>
/// <param name="Stopping">Cancelled when the agent starts to stop.</param>
/// <param name="GraceExpired">Cancelled when running steps must give up; never before <paramref name="Stopping"/>.</param>
public readonly record struct StopSignals(CancellationToken Stopping, CancellationToken GraceExpired)
{
    /// <summary>Signals that stop waiting and running steps at the same moment (no grace period).</summary>
    /// <param name="stoppingToken">Cancelled when the agent stops.</param>
    public static StopSignals From(CancellationToken stoppingToken) => new(stoppingToken, stoppingToken);
}
