using Baton.CodePipeline.Model;

namespace Baton.Agent.Jobs;

/// <summary>The answer to an acknowledgement: the job's status and its data.</summary>
/// <param name="Reference">The job id and client id.</param>
/// <param name="Status">The job status CodePipeline answered; only <see cref="JobStatus.InProgress"/> means the job is ours.</param>
/// <param name="Data">The job data (a third-party job's data comes from its details).</param>
public sealed record AcknowledgedJob(JobReference Reference, string? Status, JobData Data);
