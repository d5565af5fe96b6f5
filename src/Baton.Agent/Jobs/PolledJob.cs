using Baton.CodePipeline.Model;

namespace Baton.Agent.Jobs;

/// <summary>
/// A job returned by a poll. A custom action job arrives with its nonce and data; a third-party
/// job arrives with only its id and client id (the rest comes with its details).
/// </summary>
/// <param name="Reference">The job id and client id.</param>
/// <param name="Nonce">The nonce to acknowledge with (custom jobs).</param>
/// <param name="Data">The job data (custom jobs).</param>
public sealed record PolledJob(JobReference Reference, string? Nonce = null, JobData? Data = null);
