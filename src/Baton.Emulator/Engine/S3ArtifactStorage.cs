using System.Collections.Concurrent;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Hosting;
using Baton.Emulator.S3;
using Baton.Emulator.S3.Auth;

namespace Baton.Emulator.Engine;

/// <summary>
/// Artifact stores on the emulator's own S3 API, and the S3 authorizer that confines each job's
/// temporary credentials: a job's access key may read its input objects and write (and read back)
/// its output objects, nothing else; once the job ends the key is refused. The emulator's own
/// credentials (<c>--access-key</c>) may do anything.
/// </summary>
internal sealed class S3ArtifactStorage(EmulatedS3 s3, EmulatorOptions options) : IArtifactStorage, IS3RequestAuthorizer
{
    private readonly ConcurrentDictionary<string, ArtifactGrant> _grants = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _revoked = new(StringComparer.Ordinal);

    public async ValueTask<string?> EnsureBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await s3.EnsureBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (S3Exception exception)
        {
            return $"{exception.Code}: {exception.Message}";
        }
    }

    public async ValueTask<SourceCopyResult> CopyAsync(string sourceBucket, string sourceKey, string targetBucket, string targetKey, CancellationToken cancellationToken)
    {
        try
        {
            var copied = await s3.CopyObjectAsync(sourceBucket, sourceKey, targetBucket, targetKey, cancellationToken).ConfigureAwait(false);
            return new SourceCopyResult(copied.ETag.Trim('"'), null);
        }
        catch (S3Exception exception) when (exception.Code is "NoSuchKey" or "NoSuchBucket")
        {
            return new SourceCopyResult(null,
                $"The S3 source object s3://{sourceBucket}/{sourceKey} does not exist ({exception.Code}); upload it first or fix S3Bucket/S3ObjectKey.");
        }
        catch (S3Exception exception)
        {
            return new SourceCopyResult(null, $"Could not read the S3 source object s3://{sourceBucket}/{sourceKey}: {exception.Code}: {exception.Message}");
        }
    }

    public void Grant(ArtifactGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        _grants[grant.AccessKeyId] = grant;
        _revoked.TryRemove(grant.AccessKeyId, out _);
    }

    public void Revoke(string accessKeyId)
    {
        if (_grants.TryRemove(accessKeyId, out _))
        {
            _revoked[accessKeyId] = true;
        }
    }

    /// <summary>The credentials of an access key the S3 API should accept, for signature verification.</summary>
    public AwsCredentials? CredentialsOf(string accessKeyId) =>
        accessKeyId == options.AccessKey ? new AwsCredentials(options.AccessKey, options.SecretKey)
        : _grants.TryGetValue(accessKeyId, out var grant) ? new AwsCredentials(grant.AccessKeyId, grant.SecretAccessKey, grant.SessionToken)
        : null;

    public ValueTask<bool> AuthorizeAsync(S3AuthorizationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AccessKeyId is null || request.AccessKeyId == options.AccessKey)
        {
            return ValueTask.FromResult(true);
        }

        if (_revoked.ContainsKey(request.AccessKeyId))
        {
            return ValueTask.FromResult(false);
        }

        if (!_grants.TryGetValue(request.AccessKeyId, out var grant))
        {
            return ValueTask.FromResult(true);
        }

        var target = (request.Bucket ?? string.Empty, request.Key ?? string.Empty);
        var allowed = request.Operation switch
        {
            S3Operation.GetObject or S3Operation.HeadObject => grant.Reads.Contains(target) || grant.Writes.Contains(target),
            S3Operation.PutObject or S3Operation.CreateMultipartUpload or S3Operation.UploadPart
                or S3Operation.CompleteMultipartUpload or S3Operation.AbortMultipartUpload or S3Operation.ListParts => grant.Writes.Contains(target),
            _ => false,
        };
        return ValueTask.FromResult(allowed);
    }
}
