using Baton.Emulator.S3.Auth;

namespace Baton.Emulator.S3;

/// <summary>Maps an S3 request (method, bucket, key, sub-resource query) to its operation.</summary>
internal static class S3OperationResolver
{
    /// <summary>Bucket sub-resources S3 has and the emulator does not serve (answered NotImplemented, not as a listing).</summary>
    private static readonly string[] _unsupportedSubresources =
    [
        "acl", "policy", "versioning", "versions", "lifecycle", "cors", "tagging", "website", "logging",
        "notification", "replication", "encryption", "object-lock", "accelerate", "requestPayment",
        "ownershipControls", "publicAccessBlock", "inventory", "metrics", "analytics", "intelligent-tiering",
        "restore", "select", "torrent", "retention", "legal-hold", "attributes", "policyStatus",
    ];

    public static S3Operation Resolve(string method, string? bucket, string? key, IQueryCollection query, bool hasCopySource)
    {
        var resource = "/" + bucket + (key is null ? string.Empty : "/" + key);
        if (_unsupportedSubresources.FirstOrDefault(query.ContainsKey) is { } subresource)
        {
            throw S3Errors.NotImplemented($"the '?{subresource}' sub-resource");
        }

        var operation = (bucket, key) switch
        {
            (null, _) => method switch
            {
                "GET" => S3Operation.ListBuckets,
                _ => (S3Operation?)null,
            },
            (_, null) => method switch
            {
                "PUT" => S3Operation.CreateBucket,
                "HEAD" => S3Operation.HeadBucket,
                "DELETE" => S3Operation.DeleteBucket,
                "POST" when query.ContainsKey("delete") => S3Operation.DeleteObjects,
                "GET" when query.ContainsKey("location") => S3Operation.GetBucketLocation,
                "GET" when query.ContainsKey("uploads") => S3Operation.ListMultipartUploads,
                "GET" when query["list-type"] == "2" => S3Operation.ListObjectsV2,
                "GET" when query.ContainsKey("list-type") => throw new S3Exception($"list-type must be 2 (ListObjectsV2) or absent (ListObjects), not '{query["list-type"]}'."),
                "GET" => S3Operation.ListObjects,
                _ => null,
            },
            _ => method switch
            {
                "PUT" when (query.ContainsKey("uploadId") || query.ContainsKey("partNumber")) && hasCopySource => throw S3Errors.NotImplemented("UploadPartCopy (x-amz-copy-source on UploadPart)"),
                "PUT" when query.ContainsKey("uploadId") || query.ContainsKey("partNumber") => S3Operation.UploadPart,
                "PUT" when hasCopySource => S3Operation.CopyObject,
                "PUT" => S3Operation.PutObject,
                "GET" when query.ContainsKey("uploadId") => S3Operation.ListParts,
                "GET" => S3Operation.GetObject,
                "HEAD" => S3Operation.HeadObject,
                "DELETE" when query.ContainsKey("uploadId") => S3Operation.AbortMultipartUpload,
                "DELETE" => S3Operation.DeleteObject,
                "POST" when query.ContainsKey("uploads") => S3Operation.CreateMultipartUpload,
                "POST" when query.ContainsKey("uploadId") => S3Operation.CompleteMultipartUpload,
                _ => null,
            },
        };
        return operation ?? throw S3Errors.MethodNotAllowed(method, resource);
    }
}
