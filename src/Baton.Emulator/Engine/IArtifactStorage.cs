namespace Baton.Emulator.Engine;

/// <summary>
/// The engine's view of the S3 artifact stores: create buckets, copy a source object into an
/// artifact location, and confine each job's temporary credentials to that job's artifacts.
/// </summary>
public interface IArtifactStorage
{
    /// <summary>Creates the bucket when it does not exist.</summary>
    /// <param name="bucket">The bucket name.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Null, or why the bucket cannot exist (for example an invalid name).</returns>
    ValueTask<string?> EnsureBucketAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Copies an object; returns its revision, or a failure message when it cannot be read.</summary>
    /// <param name="sourceBucket">The bucket holding the source object.</param>
    /// <param name="sourceKey">The key of the source object.</param>
    /// <param name="targetBucket">The artifact bucket.</param>
    /// <param name="targetKey">The artifact key.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    ValueTask<SourceCopyResult> CopyAsync(string sourceBucket, string sourceKey, string targetBucket, string targetKey, CancellationToken cancellationToken);

    /// <summary>Allows a job's credentials to read its inputs and write its outputs, and nothing else.</summary>
    /// <param name="grant">The credentials and the objects they may use.</param>
    void Grant(ArtifactGrant grant);

    /// <summary>Withdraws a job's credentials.</summary>
    /// <param name="accessKeyId">The access key id of the job's credentials.</param>
    void Revoke(string accessKeyId);
}

/// <summary>The outcome of copying a source object.</summary>
/// <param name="Revision">The object's revision (its ETag without quotes), when the copy succeeded.</param>
/// <param name="Error">Why the copy failed, when it did.</param>
public sealed record SourceCopyResult(string? Revision, string? Error)
{
    /// <summary>Whether the copy succeeded.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>What one job's temporary credentials may do.</summary>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="SecretAccessKey">The secret access key (never logged).</param>
/// <param name="SessionToken">The session token (never logged).</param>
/// <param name="Reads">Objects the job may read, as (bucket, key).</param>
/// <param name="Writes">Objects the job may write, as (bucket, key).</param>
public sealed record ArtifactGrant(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    IReadOnlyList<(string Bucket, string Key)> Reads,
    IReadOnlyList<(string Bucket, string Key)> Writes);

/// <summary>Used when no S3 component is registered: sources fail with a clear message.</summary>
public sealed class NoArtifactStorage : IArtifactStorage
{
    /// <inheritdoc />
    public ValueTask<string?> EnsureBucketAsync(string bucket, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    /// <inheritdoc />
    public ValueTask<SourceCopyResult> CopyAsync(string sourceBucket, string sourceKey, string targetBucket, string targetKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SourceCopyResult(null, "This emulator runs without its S3 API, so the S3 source action cannot read s3://" + sourceBucket + "/" + sourceKey + "."));

    /// <inheritdoc />
    public void Grant(ArtifactGrant grant)
    {
    }

    /// <inheritdoc />
    public void Revoke(string accessKeyId)
    {
    }
}
