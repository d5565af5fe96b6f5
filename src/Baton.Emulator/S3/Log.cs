namespace Baton.Emulator.S3;

/// <summary>The S3 emulator's log messages. Secrets (secret keys, signatures) are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "S3 {Operation} {Bucket}/{Key} answered {StatusCode}")]
    public static partial void RequestHandled(ILogger logger, Auth.S3Operation operation, string? bucket, string? key, int statusCode);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "S3 {Method} {Resource} failed with {StatusCode} {ErrorCode}: {ErrorMessage}")]
    public static partial void RequestFailed(ILogger logger, string method, string resource, int statusCode, string errorCode, string errorMessage);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "S3 {Method} {Resource} failed unexpectedly (request id {RequestId})")]
    public static partial void RequestCrashed(ILogger logger, string method, string resource, string requestId, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "S3 {Method} {Resource}: the client went away")]
    public static partial void ClientWentAway(ILogger logger, string method, string resource);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Debug, Message = "Stored object {Bucket}/{Key} ({Size} bytes)")]
    public static partial void ObjectStored(ILogger logger, string bucket, string key, long size);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Skipped object description {Path}: its data file is missing or the description is unreadable")]
    public static partial void ObjectSkippedAtLoad(ILogger logger, string path);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Could not read S3 store file {Path}")]
    public static partial void StoreFileUnreadable(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Information, Message = "S3 objects are stored under {DataDirectory}")]
    public static partial void StoreOpened(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 3120, Level = LogLevel.Debug, Message = "Completed multipart upload {Bucket}/{Key}: {PartsCount} parts, {Size} bytes")]
    public static partial void MultipartUploadCompleted(ILogger logger, string bucket, string key, int partsCount, long size);
}
