using Baton.Emulator.S3.Auth;

namespace Baton.Emulator.S3.Handlers;

/// <summary>Runs the handler of each S3 operation.</summary>
internal sealed class S3Dispatcher(
    BucketHandlers buckets,
    ListHandlers lists,
    ObjectHandlers objects,
    CopyObjectHandler copy,
    DeleteObjectsHandler deleteObjects,
    MultipartHandlers multipart)
{
    public Task DispatchAsync(S3RequestContext request) => request.Operation switch
    {
        S3Operation.ListBuckets => buckets.ListBucketsAsync(request),
        S3Operation.CreateBucket => buckets.CreateBucketAsync(request),
        S3Operation.HeadBucket => buckets.HeadBucketAsync(request),
        S3Operation.DeleteBucket => buckets.DeleteBucketAsync(request),
        S3Operation.GetBucketLocation => buckets.GetBucketLocationAsync(request),
        S3Operation.ListObjects => lists.ListObjectsAsync(request),
        S3Operation.ListObjectsV2 => lists.ListObjectsV2Async(request),
        S3Operation.ListMultipartUploads => lists.ListMultipartUploadsAsync(request),
        S3Operation.DeleteObjects => deleteObjects.DeleteObjectsAsync(request),
        S3Operation.PutObject => objects.PutObjectAsync(request),
        S3Operation.CopyObject => copy.CopyObjectAsync(request),
        S3Operation.GetObject => objects.GetObjectAsync(request),
        S3Operation.HeadObject => objects.HeadObjectAsync(request),
        S3Operation.DeleteObject => objects.DeleteObjectAsync(request),
        S3Operation.CreateMultipartUpload => multipart.CreateMultipartUploadAsync(request),
        S3Operation.UploadPart => multipart.UploadPartAsync(request),
        S3Operation.CompleteMultipartUpload => multipart.CompleteMultipartUploadAsync(request),
        S3Operation.AbortMultipartUpload => multipart.AbortMultipartUploadAsync(request),
        S3Operation.ListParts => multipart.ListPartsAsync(request),
        _ => throw S3Errors.NotImplemented(request.Operation.ToString()),
    };
}
