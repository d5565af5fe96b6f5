using System.Text;
using Baton.Emulator.S3.Storage;
using Baton.Emulator.S3.Streaming;
using Microsoft.Extensions.Options;

namespace Baton.Emulator.S3.Handlers;

/// <summary>PutObject, GetObject, HeadObject and DeleteObject.</summary>
internal sealed class ObjectHandlers(IObjectStore store, IOptions<S3EmulatorOptions> options)
{
    /// <summary>S3's limit on the UTF-8 length of a key.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>Query parameters of GetObject that override response headers (used by presigned links).</summary>
    private static readonly (string Query, string Header)[] _responseOverrides =
    [
        ("response-content-type", "Content-Type"),
        ("response-content-language", "Content-Language"),
        ("response-expires", "Expires"),
        ("response-cache-control", "Cache-Control"),
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
    ];

    public async Task PutObjectAsync(S3RequestContext request)
    {
        var key = ValidKey(request.ObjectKey);
        var attributes = ObjectHeaders.FromRequest(request.Request);
        _ = await store.GetBucketAsync(request.BucketName, request.Aborted) ?? throw S3Errors.NoSuchBucket(request.BucketName);
        await using var body = UploadBody.Open(request.Request, request.Caller.ChunkSignatures, options.Value.MaxObjectSize);
        var write = new ObjectWrite(attributes)
        {
            Finish = a => a with { ChecksumAlgorithm = body.ChecksumAlgorithm, ChecksumValue = body.ChecksumValue },
        };
        var info = await store.PutObjectAsync(request.BucketName, key, body, write, request.Aborted);
        request.Response.Headers.ETag = info.ETag;
        ObjectHeaders.WriteEncryption(request.Response, info.Attributes);
        if (info.Attributes is { ChecksumAlgorithm: { } algorithm, ChecksumValue: { } value })
        {
            request.Response.Headers[S3Checksum.HeaderFor(algorithm)] = value;
        }

        request.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task GetObjectAsync(S3RequestContext request)
    {
        await using var opened = await store.OpenObjectAsync(request.BucketName, request.ObjectKey, request.Aborted)
            ?? throw S3Errors.NoSuchKey(request.BucketName, request.ObjectKey);
        if (!Answer(request, opened.Info, out var range))
        {
            return;
        }

        foreach (var (query, header) in _responseOverrides)
        {
            if (request.Query(query) is { Length: > 0 } value)
            {
                request.Response.Headers[header] = value;
            }
        }

        var (start, length) = range is { } r ? (r.Start, r.Length) : (0L, opened.Info.Size);
        opened.Content.Seek(start, SeekOrigin.Begin);
        await CopyAsync(opened.Content, request.Response.Body, length, request.Aborted);
    }

    public async Task HeadObjectAsync(S3RequestContext request)
    {
        var info = await store.GetObjectInfoAsync(request.BucketName, request.ObjectKey, request.Aborted)
            ?? throw S3Errors.NoSuchKey(request.BucketName, request.ObjectKey);
        Answer(request, info, out _);
    }

    public async Task DeleteObjectAsync(S3RequestContext request)
    {
        // S3 answers 204 whether or not the key existed.
        await store.DeleteObjectAsync(request.BucketName, request.ObjectKey, request.Aborted);
        request.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public static string ValidKey(string key)
    {
        var bytes = Encoding.UTF8.GetByteCount(key);
        return bytes <= MaxKeyBytes ? key : throw S3Errors.KeyTooLong(bytes);
    }

    /// <summary>
    /// Writes status and headers of GET/HEAD and finds the range to send; returns
    /// <see langword="false"/> for 304 Not Modified (no body).
    /// </summary>
    private static bool Answer(S3RequestContext request, ObjectInfo info, out ByteRange? range)
    {
        range = null;
        if (!Preconditions.Check(request.Request, info))
        {
            ObjectHeaders.WriteObject(request.Response, info, includeChecksum: false);
            request.Response.StatusCode = StatusCodes.Status304NotModified;
            return false;
        }

        range = ByteRange.Parse(request.Header("Range"), info.Size);
        var checksumMode = string.Equals(request.Header("x-amz-checksum-mode"), "ENABLED", StringComparison.OrdinalIgnoreCase);
        ObjectHeaders.WriteObject(request.Response, info, includeChecksum: checksumMode && range is null);
        if (range is { } r)
        {
            request.Response.StatusCode = StatusCodes.Status206PartialContent;
            request.Response.Headers.ContentRange = r.ContentRange(info.Size);
            request.Response.ContentLength = r.Length;
        }
        else
        {
            request.Response.StatusCode = StatusCodes.Status200OK;
            request.Response.ContentLength = info.Size;
        }

        return true;
    }

    private static async Task CopyAsync(Stream source, Stream destination, long length, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (length > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The stored object is shorter than its recorded size.");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            length -= read;
        }
    }
}
