namespace Baton.Emulator.S3.Auth;

/// <summary>The S3 operations the emulator serves, by their S3 API names.</summary>
public enum S3Operation
{
    /// <summary>GET / — list every bucket.</summary>
    ListBuckets,

    /// <summary>PUT /bucket.</summary>
    CreateBucket,

    /// <summary>HEAD /bucket.</summary>
    HeadBucket,

    /// <summary>DELETE /bucket.</summary>
    DeleteBucket,

    /// <summary>GET /bucket?location.</summary>
    GetBucketLocation,

    /// <summary>GET /bucket (ListObjects, version 1).</summary>
    ListObjects,

    /// <summary>GET /bucket?list-type=2.</summary>
    ListObjectsV2,

    /// <summary>GET /bucket?uploads.</summary>
    ListMultipartUploads,

    /// <summary>POST /bucket?delete.</summary>
    DeleteObjects,

    /// <summary>PUT /bucket/key.</summary>
    PutObject,

    /// <summary>PUT /bucket/key with <c>x-amz-copy-source</c>.</summary>
    CopyObject,

    /// <summary>GET /bucket/key.</summary>
    GetObject,

    /// <summary>HEAD /bucket/key.</summary>
    HeadObject,

    /// <summary>DELETE /bucket/key.</summary>
    DeleteObject,

    /// <summary>POST /bucket/key?uploads.</summary>
    CreateMultipartUpload,

    /// <summary>PUT /bucket/key?partNumber=N&amp;uploadId=U.</summary>
    UploadPart,

    /// <summary>POST /bucket/key?uploadId=U.</summary>
    CompleteMultipartUpload,

    /// <summary>DELETE /bucket/key?uploadId=U.</summary>
    AbortMultipartUpload,

    /// <summary>GET /bucket/key?uploadId=U.</summary>
    ListParts,
}
