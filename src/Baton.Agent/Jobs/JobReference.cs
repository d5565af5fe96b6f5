namespace Baton.Agent.Jobs;

/// <summary>What identifies a job for the job verbs: its id and, for a third-party job, its client id.</summary>
/// <param name="JobId">The job id.</param>
/// <param name="IsThirdParty">Whether it is a third-party (partner) action job.</param>
/// <param name="ClientId">The client id of a third-party job; its client token is looked up by it.</param>
public sealed record JobReference(string JobId, bool IsThirdParty, string? ClientId = null);
