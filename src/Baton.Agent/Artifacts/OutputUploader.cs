using Amazon.S3;
using Amazon.S3.Model;
using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Artifacts;

/// <summary>
/// Uploads a zipped output artifact to its pre-assigned location with SSE-KMS (the job's
/// encryption key when CodePipeline sent one, the bucket's default KMS key otherwise). Large
/// outputs go up in parts; a multipart upload that fails or is cancelled is aborted, so no
/// orphaned parts stay behind.
/// </summary>
internal sealed class OutputUploader(ArtifactS3Client s3, ArtifactOptions options, EncryptionKey? encryptionKey, TimeProvider timeProvider, ILogger logger)
{
    private const int MaxParts = 10_000;
    private const string ZipContentType = "application/zip";

    private string? KmsKeyId => encryptionKey is { Id.Length: > 0 } key && (key.Type is null or EncryptionKeyType.Kms) ? key.Id : null;

    public async Task UploadAsync(JobArtifact artifact, string zipPath, CancellationToken cancellationToken)
    {
        var size = new FileInfo(zipPath).Length;
        var partSize = PartSizeFor(size);
        var parts = size < options.MultipartThreshold ? 1 : (int)((size + partSize - 1) / partSize);
        Log.Uploading(logger, artifact.Name, size, parts, artifact.BucketName, artifact.ObjectKey, KmsKeyId is { } id ? "SSE-KMS key " + id : "SSE-KMS (bucket default key)");
        if (size < options.MultipartThreshold)
        {
            var put = new PutObjectRequest
            {
                BucketName = artifact.BucketName,
                Key = artifact.ObjectKey,
                FilePath = zipPath,
                ContentType = ZipContentType,
                ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
                ServerSideEncryptionKeyManagementServiceKeyId = KmsKeyId,
            };
            await s3.SendAsync(Call("PutObject", artifact), (client, ct) => client.PutObjectAsync(put, ct), cancellationToken);
        }
        else
        {
            await UploadInPartsAsync(artifact, zipPath, size, partSize, cancellationToken);
        }

        Log.Uploaded(logger, artifact.Name);
    }

    private async Task UploadInPartsAsync(JobArtifact artifact, string zipPath, long size, long partSize, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest
        {
            BucketName = artifact.BucketName,
            Key = artifact.ObjectKey,
            ContentType = ZipContentType,
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = KmsKeyId,
        };
        var uploadId = (await s3.SendAsync(Call("CreateMultipartUpload", artifact), (client, ct) => client.InitiateMultipartUploadAsync(initiate, ct), cancellationToken)).UploadId;
        try
        {
            var etags = new List<PartETag>();
            for (var position = 0L; position < size; position += partSize)
            {
                var partNumber = etags.Count + 1;
                var part = new UploadPartRequest
                {
                    BucketName = artifact.BucketName,
                    Key = artifact.ObjectKey,
                    UploadId = uploadId,
                    PartNumber = partNumber,
                    FilePath = zipPath,
                    FilePosition = position,
                    PartSize = Math.Min(partSize, size - position),
                    IsLastPart = position + partSize >= size,
                };
                var response = await s3.SendAsync(Call("UploadPart", artifact), (client, ct) => client.UploadPartAsync(part, ct), cancellationToken);
                etags.Add(new PartETag(partNumber, response.ETag));
            }

            var complete = new CompleteMultipartUploadRequest { BucketName = artifact.BucketName, Key = artifact.ObjectKey, UploadId = uploadId, PartETags = etags };
            await s3.SendAsync(Call("CompleteMultipartUpload", artifact), (client, ct) => client.CompleteMultipartUploadAsync(complete, ct), cancellationToken);
        }
        catch
        {
            await AbortAsync(artifact, uploadId);
            throw;
        }
    }

    /// <summary>Aborts without the job's token (it may be the reason for the abort), bounded by <see cref="ArtifactOptions.AbortTimeout"/>.</summary>
    private async Task AbortAsync(JobArtifact artifact, string uploadId)
    {
        using var timeout = new CancellationTokenSource(options.AbortTimeout, timeProvider);
        var abort = new AbortMultipartUploadRequest { BucketName = artifact.BucketName, Key = artifact.ObjectKey, UploadId = uploadId };
        try
        {
            await s3.SendAsync(Call("AbortMultipartUpload", artifact), (client, ct) => client.AbortMultipartUploadAsync(abort, ct), timeout.Token);
            Log.MultipartAborted(logger, artifact.Name);
        }
        catch (Exception ex) when (ex is ArtifactException or OperationCanceledException)
        {
            Log.MultipartAbortFailed(logger, uploadId, artifact.Name, ex);
        }
    }

    /// <summary>The configured part size, raised (in whole MiB) when the output would otherwise need more than S3's 10,000 parts.</summary>
    private long PartSizeFor(long size)
    {
        var smallest = (size + MaxParts - 1) / MaxParts;
        var rounded = (smallest + ArtifactOptions.MiB - 1) / ArtifactOptions.MiB * ArtifactOptions.MiB;
        return Math.Max(options.PartSize, rounded);
    }

    private static S3Call Call(string operation, JobArtifact artifact) =>
        new(operation, artifact.Name, IsInput: false, artifact.BucketName, artifact.ObjectKey);
}
