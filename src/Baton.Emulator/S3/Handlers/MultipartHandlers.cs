using System.Globalization;
using Baton.Emulator.S3.Multipart;
using Baton.Emulator.S3.Storage;
using Baton.Emulator.S3.Streaming;
using Microsoft.Extensions.Options;
using static Baton.Emulator.S3.S3Xml;

namespace Baton.Emulator.S3.Handlers;

/// <summary>CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload and ListParts.</summary>
internal sealed class MultipartHandlers(IObjectStore store, MultipartUploads uploads, IOptions<S3EmulatorOptions> options, ILogger<MultipartHandlers> logger)
{
    private const int MaxPartNumber = 10_000;

    public async Task CreateMultipartUploadAsync(S3RequestContext request)
    {
        var key = ObjectHandlers.ValidKey(request.ObjectKey);
        var attributes = ObjectHeaders.FromRequest(request.Request);
        if (request.Header("x-amz-checksum-algorithm") is { } algorithm)
        {
            using var checksum = S3Checksum.Create(algorithm)
                ?? throw new S3Exception($"x-amz-checksum-algorithm names the unsupported algorithm '{algorithm}'; use one of {string.Join(", ", S3Checksum.Algorithms)}.");
            attributes = attributes with { ChecksumAlgorithm = checksum.Algorithm };
            request.Response.Headers["x-amz-checksum-algorithm"] = checksum.Algorithm;
        }

        _ = await store.GetBucketAsync(request.BucketName, request.Aborted) ?? throw S3Errors.NoSuchBucket(request.BucketName);
        var upload = uploads.Create(request.BucketName, key, attributes);
        ObjectHeaders.WriteEncryption(request.Response, attributes);
        await WriteAsync(request.Response, Element(
            "InitiateMultipartUploadResult",
            Element("Bucket", upload.Bucket),
            Element("Key", upload.Key),
            Element("UploadId", upload.UploadId)));
    }

    public async Task UploadPartAsync(S3RequestContext request)
    {
        var partNumber = PartNumber(request.Query("partNumber"));
        var upload = uploads.Get(RequireUploadId(request), request.BucketName, request.ObjectKey);
        await using var body = UploadBody.Open(request.Request, request.Caller.ChunkSignatures, options.Value.MaxObjectSize, upload.Attributes.ChecksumAlgorithm);
        var part = await uploads.PutPartAsync(upload, partNumber, body, request.Aborted);
        request.Response.Headers.ETag = part.ETag;
        if (body is { ChecksumAlgorithm: { } algorithm, ChecksumValue: { } value })
        {
            request.Response.Headers[S3Checksum.HeaderFor(algorithm)] = value;
        }

        ObjectHeaders.WriteEncryption(request.Response, upload.Attributes);
        request.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task CompleteMultipartUploadAsync(S3RequestContext request)
    {
        var upload = uploads.Get(RequireUploadId(request), request.BucketName, request.ObjectKey);
        var document = await ReadAsync(request.Request, request.Aborted);
        if (document is null || document.Name.LocalName != "CompleteMultipartUpload")
        {
            throw S3Errors.MalformedXml("CompleteMultipartUpload needs a <CompleteMultipartUpload> document listing <Part><PartNumber/><ETag/></Part> entries.");
        }

        var parts = Children(document, "Part").Select(p => (
            PartNumber(ChildValue(p, "PartNumber")),
            ChildValue(p, "ETag") ?? throw S3Errors.MalformedXml("every <Part> needs an <ETag>."))).ToList();
        var info = await uploads.CompleteAsync(upload, parts, store, request.Aborted);
        Log.MultipartUploadCompleted(logger, request.BucketName, info.Key, info.PartsCount, info.Size);
        ObjectHeaders.WriteEncryption(request.Response, info.Attributes);
        await WriteAsync(request.Response, Element(
            "CompleteMultipartUploadResult",
            Element("Location", $"{request.Request.Scheme}://{request.Request.Host}/{request.BucketName}/{Uri.EscapeDataString(info.Key)}"),
            Element("Bucket", request.BucketName),
            Element("Key", info.Key),
            Element("ETag", info.ETag)));
    }

    public Task AbortMultipartUploadAsync(S3RequestContext request)
    {
        uploads.Abort(uploads.Get(RequireUploadId(request), request.BucketName, request.ObjectKey));
        request.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public async Task ListPartsAsync(S3RequestContext request)
    {
        var upload = uploads.Get(RequireUploadId(request), request.BucketName, request.ObjectKey);
        var marker = request.Query("part-number-marker") is { Length: > 0 } markerText ? PartNumber(markerText, allowZero: true) : 0;
        var maxText = request.Query("max-parts");
        var maxParts = 1000;
        if (maxText is { Length: > 0 } && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxParts) || maxParts > 1000))
        {
            throw new S3Exception($"max-parts must be an integer between 0 and 1000 (was '{maxText}').");
        }

        var remaining = uploads.ListParts(upload).Where(p => p.PartNumber > marker).ToList();
        var page = remaining.Take(maxParts).ToList();
        var truncated = remaining.Count > page.Count;
        await WriteAsync(request.Response, Element(
            "ListPartsResult",
            Element("Bucket", upload.Bucket),
            Element("Key", upload.Key),
            Element("UploadId", upload.UploadId),
            Element("PartNumberMarker", marker),
            truncated && page.Count > 0 ? Element("NextPartNumberMarker", page[^1].PartNumber) : null,
            Element("MaxParts", maxParts),
            Element("IsTruncated", truncated ? "true" : "false"),
            Element("StorageClass", "STANDARD"),
            page.Select(p => Element(
                "Part",
                Element("PartNumber", p.PartNumber),
                Element("LastModified", Timestamp(p.LastModified)),
                Element("ETag", p.ETag),
                Element("Size", p.Size)))));
    }

    private static string RequireUploadId(S3RequestContext request) =>
        request.Query("uploadId") is { Length: > 0 } uploadId ? uploadId : throw new S3Exception("This request needs the uploadId query parameter that CreateMultipartUpload returned.");

    private static int PartNumber(string? text, bool allowZero = false) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= MaxPartNumber && (number >= 1 || (allowZero && number == 0))
            ? number
            : throw new S3Exception($"Part number must be an integer between 1 and {MaxPartNumber}, inclusive (was '{text}').");
}
