using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Baton.Emulator.S3.Storage;
using static Baton.Emulator.S3.S3Xml;

namespace Baton.Emulator.S3.Handlers;

/// <summary>ListObjectsV2, ListObjects (version 1) and ListMultipartUploads.</summary>
internal sealed class ListHandlers(IObjectStore store, Multipart.MultipartUploads uploads)
{
    public async Task ListObjectsV2Async(S3RequestContext request)
    {
        var (prefix, delimiter, maxKeys, urlEncoding) = CommonParameters(request);
        var token = request.Query("continuation-token");
        var startAfter = request.Query("start-after");
        var marker = token is null ? NullIfEmpty(startAfter) : DecodeToken(token);
        var page = await PageAsync(request, prefix, delimiter, marker, maxKeys);
        await WriteAsync(request.Response, Element(
            "ListBucketResult",
            Element("Name", request.BucketName),
            Element("Prefix", Encode(prefix, urlEncoding)),
            Optional("Delimiter", Encode(delimiter, urlEncoding)),
            Element("MaxKeys", maxKeys),
            urlEncoding ? Element("EncodingType", "url") : null,
            Element("KeyCount", page.Contents.Count + page.CommonPrefixes.Count),
            Element("IsTruncated", page.IsTruncated ? "true" : "false"),
            Optional("ContinuationToken", token),
            page.IsTruncated ? Element("NextContinuationToken", EncodeToken(page.NextMarker!)) : null,
            Optional("StartAfter", Encode(startAfter ?? string.Empty, urlEncoding)),
            Entries(page, urlEncoding, withOwner: false)));
    }

    public async Task ListObjectsAsync(S3RequestContext request)
    {
        var (prefix, delimiter, maxKeys, urlEncoding) = CommonParameters(request);
        var marker = request.Query("marker") ?? string.Empty;
        var page = await PageAsync(request, prefix, delimiter, NullIfEmpty(marker), maxKeys);
        await WriteAsync(request.Response, Element(
            "ListBucketResult",
            Element("Name", request.BucketName),
            Element("Prefix", Encode(prefix, urlEncoding)),
            Element("Marker", Encode(marker, urlEncoding)),
            page.IsTruncated && delimiter.Length > 0 ? Element("NextMarker", Encode(page.NextMarker!, urlEncoding)) : null,
            Element("MaxKeys", maxKeys),
            Optional("Delimiter", Encode(delimiter, urlEncoding)),
            urlEncoding ? Element("EncodingType", "url") : null,
            Element("IsTruncated", page.IsTruncated ? "true" : "false"),
            Entries(page, urlEncoding, withOwner: true)));
    }

    public async Task ListMultipartUploadsAsync(S3RequestContext request)
    {
        _ = await store.GetBucketAsync(request.BucketName, request.Aborted) ?? throw S3Errors.NoSuchBucket(request.BucketName);
        var prefix = request.Query("prefix") ?? string.Empty;
        await WriteAsync(request.Response, Element(
            "ListMultipartUploadsResult",
            Element("Bucket", request.BucketName),
            Element("KeyMarker", string.Empty),
            Element("UploadIdMarker", string.Empty),
            Element("Prefix", prefix),
            Element("MaxUploads", ObjectListing.MaxKeysLimit),
            Element("IsTruncated", "false"),
            uploads.List(request.BucketName).Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(u => Element(
                "Upload",
                Element("Key", u.Key),
                Element("UploadId", u.UploadId),
                Element("Initiated", Timestamp(u.Initiated)),
                Element("StorageClass", "STANDARD")))));
    }

    private async Task<ObjectListing> PageAsync(S3RequestContext request, string prefix, string delimiter, string? marker, int maxKeys)
    {
        var candidates = await store.ListObjectsAsync(request.BucketName, prefix, marker, request.Aborted);
        return ObjectListing.Page(candidates, prefix, delimiter, marker, maxKeys);
    }

    private static IEnumerable<XElement> Entries(ObjectListing page, bool urlEncoding, bool withOwner) =>
        page.Contents.Select(o => Element(
                "Contents",
                Element("Key", Encode(o.Key, urlEncoding)),
                Element("LastModified", Timestamp(o.LastModified)),
                Element("ETag", o.ETag),
                Element("Size", o.Size),
                Element("StorageClass", "STANDARD"),
                withOwner ? BucketHandlers.Owner : null))
            .Concat(page.CommonPrefixes.Select(p => Element("CommonPrefixes", Element("Prefix", Encode(p, urlEncoding)))));

    private static (string Prefix, string Delimiter, int MaxKeys, bool UrlEncoding) CommonParameters(S3RequestContext request)
    {
        var maxKeysText = request.Query("max-keys");
        var maxKeys = ObjectListing.MaxKeysLimit;
        if (maxKeysText is not null && (!int.TryParse(maxKeysText, NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys)))
        {
            throw new S3Exception($"max-keys must be a non-negative integer (was '{maxKeysText}').");
        }

        var encoding = request.Query("encoding-type");
        if (encoding is not null and not "url")
        {
            throw new S3Exception($"encoding-type must be 'url' (was '{encoding}').");
        }

        return (request.Query("prefix") ?? string.Empty, request.Query("delimiter") ?? string.Empty, Math.Min(maxKeys, ObjectListing.MaxKeysLimit), encoding == "url");
    }

    /// <summary>encoding-type=url: keys may hold characters XML 1.0 cannot carry; '/' stays readable like S3's.</summary>
    private static string Encode(string value, bool urlEncoding) =>
        urlEncoding ? Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal) : value;

    private static string EncodeToken(string marker) => Convert.ToBase64String(Encoding.UTF8.GetBytes(marker));

    private static string DecodeToken(string token)
    {
        try
        {
            var marker = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return marker.Length > 0 ? marker : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new S3Exception("The continuation token provided is incorrect: pass the NextContinuationToken of the previous page unchanged.");
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
