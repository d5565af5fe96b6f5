using System.Xml.Linq;
using Baton.Emulator.S3.Auth;
using Baton.Emulator.S3.Storage;
using static Baton.Emulator.S3.S3Xml;

namespace Baton.Emulator.S3.Handlers;

/// <summary>
/// DeleteObjects: POST ?delete with up to 1,000 keys. Each key is authorized on its own
/// (DeleteObject); a denied key is reported in the result instead of failing the request.
/// </summary>
internal sealed class DeleteObjectsHandler(IObjectStore store, IS3RequestAuthorizer authorizer)
{
    private const int MaxKeys = 1000;

    public async Task DeleteObjectsAsync(S3RequestContext request)
    {
        var document = await ReadAsync(request.Request, request.Aborted);
        if (document is null || document.Name.LocalName != "Delete")
        {
            throw S3Errors.MalformedXml("DeleteObjects needs a <Delete> document listing <Object><Key>...</Key></Object> entries.");
        }

        var keys = Children(document, "Object").Select(o => ChildValue(o, "Key")).ToList();
        if (keys.Count is 0 or > MaxKeys || keys.Any(string.IsNullOrEmpty))
        {
            throw S3Errors.MalformedXml($"DeleteObjects needs 1 to {MaxKeys} <Object> entries, each with a non-empty <Key>.");
        }

        _ = await store.GetBucketAsync(request.BucketName, request.Aborted) ?? throw S3Errors.NoSuchBucket(request.BucketName);
        var quiet = string.Equals(ChildValue(document, "Quiet"), "true", StringComparison.OrdinalIgnoreCase);
        var results = new List<XElement>();
        foreach (var key in keys)
        {
            var caller = request.Caller;
            var allowed = await authorizer.AuthorizeAsync(new S3AuthorizationRequest(caller.AccessKeyId, caller.Verified, S3Operation.DeleteObject, request.BucketName, key), request.Aborted);
            if (!allowed)
            {
                results.Add(Element("Error", Element("Key", key), Element("Code", "AccessDenied"), Element("Message", "Access Denied")));
                continue;
            }

            await store.DeleteObjectAsync(request.BucketName, key!, request.Aborted);
            if (!quiet)
            {
                results.Add(Element("Deleted", Element("Key", key)));
            }
        }

        await WriteAsync(request.Response, Element("DeleteResult", results));
    }
}
