namespace Baton.Agent.Handlers;

/// <summary>
/// The action author's code: one step of an action execution per call. Baton calls
/// <see cref="StartAsync"/> for the first job and <see cref="ContinueAsync"/> for every later job,
/// with the state the previous step returned, until a step succeeds or fails.
/// </summary>
/// <remarks>
/// Steps run at least once: after a crash or a redeploy a step may run again with the same
/// <see cref="JobContext.IdempotencyKey"/>, so a handler must make each step idempotent per key
/// (for example by sending the key as an <c>Idempotency-Key</c> to its backend). A step should be
/// short: start or check work, then return <see cref="StepResult.Continue"/> with a
/// <c>checkAfter</c> instead of waiting.
/// </remarks>
public interface IJobHandler
{
    /// <summary>Runs the first step of an action execution (the job has no continuation token).</summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancelled when the agent stops; the job is then handed back to another replica.</param>
    ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken);

    /// <summary>Runs a later step with the state the previous step returned.</summary>
    /// <param name="job">The job.</param>
    /// <param name="state">The state from the previous <see cref="StepResult.Continue"/>.</param>
    /// <param name="cancellationToken">Cancelled when the agent stops; the job is then handed back to another replica.</param>
    ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken);
}
