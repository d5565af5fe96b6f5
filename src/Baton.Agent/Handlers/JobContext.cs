using Baton.CodePipeline.Model;

namespace Baton.Agent.Handlers;

/// <summary>
/// Everything a handler knows about the job it runs: the action's configuration and place in the
/// pipeline, its artifacts, and where the action execution stands.
/// </summary>
public sealed class JobContext
{
    /// <summary>The id of this job (each step of an action execution is a new job with a new id).</summary>
    public required string JobId { get; init; }

    /// <summary>Whether this is a third-party (partner) action job rather than a custom action job.</summary>
    public required bool IsThirdParty { get; init; }

    /// <summary>
    /// The client id of a third-party job: which customer's pipeline (and which client token) the
    /// job belongs to. <see langword="null"/> for custom action jobs.
    /// </summary>
    public string? ClientId { get; init; }

    /// <summary>The action type the job belongs to.</summary>
    public required ActionTypeId ActionTypeId { get; init; }

    /// <summary>The action's configuration properties, with typed accessors.</summary>
    public required JobConfiguration Configuration { get; init; }

    /// <summary>The pipeline, stage and action the job belongs to.</summary>
    public required JobPipelineContext Pipeline { get; init; }

    /// <summary>The input artifacts.</summary>
    public IReadOnlyList<JobArtifact> InputArtifacts { get; init; } = [];

    /// <summary>The output artifacts, at their pre-assigned S3 locations.</summary>
    public IReadOnlyList<JobArtifact> OutputArtifacts { get; init; } = [];

    /// <summary>Downloads and uploads artifacts with the job's credentials.</summary>
    public IJobArtifacts Artifacts { get; init; } = UnavailableJobArtifacts.Instance;

    /// <summary>The external execution id reported by an earlier step, if any.</summary>
    public string? ExternalExecutionId { get; init; }

    /// <summary>The step number: 1 for the first job of the action execution.</summary>
    public required int Step { get; init; }

    /// <summary>When the first step of the action execution started.</summary>
    public required DateTimeOffset ActionStartedAt { get; init; }

    /// <summary>
    /// A key that stays the same for every step and every retry of one action execution (the id of
    /// its first job). Send it to your backend as an idempotency key so a step that runs again does
    /// not start the work twice.
    /// </summary>
    public required string IdempotencyKey { get; init; }
}
