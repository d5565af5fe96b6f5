using Baton.Emulator.S3.Auth;
using Baton.Emulator.S3.Storage;
using static Baton.Emulator.S3.S3Xml;

namespace Baton.Emulator.S3.Handlers;

/// <summary>
/// CopyObject: PUT with <c>x-amz-copy-source: /bucket/key</c>. The source must also be readable
/// by the caller (the authorizer is asked for GetObject on it). With
/// <c>x-amz-metadata-directive: COPY</c> (the default) the copy keeps the source's content
/// headers and metadata; <c>REPLACE</c> takes them from the request. Encryption always comes from
/// the request, as in S3.
/// </summary>
internal sealed class CopyObjectHandler(IObjectStore store, IS3RequestAuthorizer authorizer)
{
    public async Task CopyObjectAsync(S3RequestContext request)
    {
        var key = ObjectHandlers.ValidKey(request.ObjectKey);
        var (sourceBucket, sourceKey) = ParseSource(request.Header("x-amz-copy-source")!);
        var directive = request.Header("x-amz-metadata-directive") ?? "COPY";
        if (directive is not ("COPY" or "REPLACE"))
        {
            throw new S3Exception($"x-amz-metadata-directive must be COPY or REPLACE (was '{directive}').");
        }

        var caller = request.Caller;
        if (!await authorizer.AuthorizeAsync(new S3AuthorizationRequest(caller.AccessKeyId, caller.Verified, S3Operation.GetObject, sourceBucket, sourceKey), request.Aborted))
        {
            throw S3Errors.AccessDenied($"{S3Operation.GetObject} on the copy source");
        }

        var requested = ObjectHeaders.FromRequest(request.Request);
        _ = await store.GetBucketAsync(request.BucketName, request.Aborted) ?? throw S3Errors.NoSuchBucket(request.BucketName);
        await using var source = await store.OpenObjectAsync(sourceBucket, sourceKey, request.Aborted)
            ?? throw S3Errors.NoSuchKey(sourceBucket, sourceKey);
        var attributes = directive == "COPY"
            ? source.Info.Attributes with { ServerSideEncryption = requested.ServerSideEncryption, KmsKeyId = requested.KmsKeyId }
            : requested;
        var write = new ObjectWrite(attributes) { ETag = source.Info.PartsCount > 0 ? source.Info.ETag : null, PartsCount = source.Info.PartsCount };
        var info = await store.PutObjectAsync(request.BucketName, key, source.Content, write, request.Aborted);
        ObjectHeaders.WriteEncryption(request.Response, info.Attributes);
        await WriteAsync(request.Response, Element("CopyObjectResult", Element("LastModified", Timestamp(info.LastModified)), Element("ETag", info.ETag)));
    }

    private static (string Bucket, string Key) ParseSource(string header)
    {
        var source = header;
        var question = source.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            source = source[..question];
        }

        source = Uri.UnescapeDataString(source).TrimStart('/');
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < source.Length - 1
            ? (source[..slash], source[(slash + 1)..])
            : throw new S3Exception($"x-amz-copy-source must be 'bucket/key' (URL-encoded), not '{header}'.");
    }
}
