namespace Baton.Emulator.S3;

/// <summary>The S3 errors the emulator answers, with S3's codes and statuses.</summary>
public static class S3Errors
{
    /// <summary><c>NoSuchBucket</c> (404).</summary>
    public static S3Exception NoSuchBucket(string bucket) =>
        new(404, "NoSuchBucket", $"The specified bucket does not exist: '{bucket}'. Create it first (CreateBucket / aws s3 mb).");

    /// <summary><c>NoSuchKey</c> (404).</summary>
    public static S3Exception NoSuchKey(string bucket, string key) =>
        new(404, "NoSuchKey", $"The specified key does not exist: '{key}' in bucket '{bucket}'.");

    /// <summary><c>BucketAlreadyOwnedByYou</c> (409).</summary>
    public static S3Exception BucketAlreadyOwnedByYou(string bucket) =>
        new(409, "BucketAlreadyOwnedByYou", $"Your previous request to create the named bucket succeeded and you already own it: '{bucket}'.");

    /// <summary><c>BucketNotEmpty</c> (409).</summary>
    public static S3Exception BucketNotEmpty(string bucket) =>
        new(409, "BucketNotEmpty", $"The bucket you tried to delete is not empty: '{bucket}'. Delete its objects and multipart uploads first.");

    /// <summary><c>InvalidBucketName</c> (400).</summary>
    public static S3Exception InvalidBucketName(string bucket, string reason) =>
        new(400, "InvalidBucketName", $"The specified bucket is not valid: '{bucket}': {reason}");

    /// <summary><c>AccessDenied</c> (403).</summary>
    public static S3Exception AccessDenied(string operation) =>
        new(403, "AccessDenied", $"Access Denied: the credentials of this request may not perform {operation} on this resource.");

    /// <summary><c>InvalidRange</c> (416).</summary>
    public static S3Exception InvalidRange(string range, long size) =>
        new(416, "InvalidRange", $"The requested range is not satisfiable: '{range}' for an object of {size} bytes.");

    /// <summary><c>NoSuchUpload</c> (404).</summary>
    public static S3Exception NoSuchUpload(string uploadId) =>
        new(404, "NoSuchUpload", $"The specified multipart upload does not exist: '{uploadId}'. It may have been completed or aborted.");

    /// <summary><c>InvalidPart</c> (400).</summary>
    public static S3Exception InvalidPart(string message) => new(400, "InvalidPart", message);

    /// <summary><c>InvalidPartOrder</c> (400).</summary>
    public static S3Exception InvalidPartOrder(int previous, int next) =>
        new(400, "InvalidPartOrder", $"The list of parts was not in ascending order: part {next} follows part {previous}. List parts by ascending PartNumber.");

    /// <summary><c>EntityTooSmall</c> (400).</summary>
    public static S3Exception EntityTooSmall(int partNumber, long size, long minimum) =>
        new(400, "EntityTooSmall", $"Part {partNumber} is {size} bytes; every part but the last must be at least {minimum} bytes.");

    /// <summary><c>EntityTooLarge</c> (400).</summary>
    public static S3Exception EntityTooLarge(long maximum) =>
        new(400, "EntityTooLarge", $"Your proposed upload exceeds the maximum allowed size of {maximum} bytes.");

    /// <summary><c>MalformedXML</c> (400).</summary>
    public static S3Exception MalformedXml(string detail) =>
        new(400, "MalformedXML", $"The XML you provided was not well-formed or did not validate against our published schema: {detail}");

    /// <summary><c>MethodNotAllowed</c> (405).</summary>
    public static S3Exception MethodNotAllowed(string method, string resource) =>
        new(405, "MethodNotAllowed", $"The specified method is not allowed against this resource: {method} {resource}.");

    /// <summary><c>NotImplemented</c> (501).</summary>
    public static S3Exception NotImplemented(string what) =>
        new(501, "NotImplemented", $"A header or query you provided implies functionality that is not implemented: {what}.");

    /// <summary><c>BadDigest</c> (400).</summary>
    public static S3Exception BadDigest(string what) =>
        new(400, "BadDigest", $"The {what} you specified did not match what we received.");

    /// <summary><c>IncompleteBody</c> (400).</summary>
    public static S3Exception IncompleteBody(string detail) =>
        new(400, "IncompleteBody", $"You did not provide the number of bytes specified: {detail}");

    /// <summary><c>SignatureDoesNotMatch</c> (403).</summary>
    public static S3Exception SignatureDoesNotMatch(string detail) =>
        new(403, "SignatureDoesNotMatch", $"The request signature we calculated does not match the signature you provided. Check your key and signing method. {detail}");

    /// <summary><c>InvalidAccessKeyId</c> (403).</summary>
    public static S3Exception InvalidAccessKeyId(string accessKeyId) =>
        new(403, "InvalidAccessKeyId", $"The AWS access key Id you provided does not exist in our records: '{accessKeyId}'.");

    /// <summary><c>KeyTooLongError</c> (400).</summary>
    public static S3Exception KeyTooLong(int bytes) =>
        new(400, "KeyTooLongError", $"Your key is too long: {bytes} bytes of UTF-8; the limit is 1024.");
}
