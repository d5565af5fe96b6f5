namespace Baton.Agent.Handlers;

/// <summary>An input or output artifact of the job: its name and where it lives in S3.</summary>
/// <param name="Name">The artifact name from the pipeline declaration.</param>
/// <param name="BucketName">The S3 bucket.</param>
/// <param name="ObjectKey">The S3 object key (pre-assigned for outputs).</param>
/// <param name="Revision">The artifact revision, when CodePipeline sent one.</param>
public sealed record JobArtifact(string Name, string BucketName, string ObjectKey, string? Revision = null);
