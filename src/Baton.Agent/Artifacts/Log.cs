using Microsoft.Extensions.Logging;

namespace Baton.Agent.Artifacts;

/// <summary>The artifact store's log messages. Artifact credentials never appear here; buckets and keys do.</summary>
internal static partial class Log
{
    [LoggerMessage(400, LogLevel.Debug, "Downloading input artifact {Artifact} from s3://{Bucket}/{Key}.")]
    public static partial void Downloading(ILogger logger, string artifact, string bucket, string key);

    [LoggerMessage(401, LogLevel.Information, "Extracted input artifact {Artifact}: {FileCount} files, {Bytes} bytes.")]
    public static partial void Extracted(ILogger logger, string artifact, int fileCount, long bytes);

    [LoggerMessage(402, LogLevel.Warning, "Artifact {Artifact} failed ({Reason}): {Detail}")]
    public static partial void ArtifactFailed(ILogger logger, string artifact, ArtifactFailureReason reason, string detail);

    [LoggerMessage(403, LogLevel.Information, "Uploading output artifact {Artifact} ({Bytes} bytes, {Parts} parts) to s3://{Bucket}/{Key} with {Encryption}.")]
    public static partial void Uploading(ILogger logger, string artifact, long bytes, int parts, string bucket, string key, string encryption);

    [LoggerMessage(404, LogLevel.Information, "Uploaded output artifact {Artifact}.")]
    public static partial void Uploaded(ILogger logger, string artifact);

    [LoggerMessage(405, LogLevel.Warning, "Aborted the multipart upload of output artifact {Artifact} after it failed; no parts are left behind.")]
    public static partial void MultipartAborted(ILogger logger, string artifact);

    [LoggerMessage(406, LogLevel.Error, "Could not abort the multipart upload {UploadId} of output artifact {Artifact}; its parts stay in the bucket until a lifecycle rule removes them.")]
    public static partial void MultipartAbortFailed(ILogger logger, string uploadId, string artifact, Exception exception);

    [LoggerMessage(407, LogLevel.Information, "S3 answered {ErrorCode} for artifact {Artifact}: re-fetching the job's artifact credentials from CodePipeline once.")]
    public static partial void RefreshingCredentials(ILogger logger, string errorCode, string artifact);

    [LoggerMessage(408, LogLevel.Warning, "Could not delete the job's artifact work directory {Directory}.")]
    public static partial void WorkDirectoryNotDeleted(ILogger logger, string directory, Exception exception);
}
