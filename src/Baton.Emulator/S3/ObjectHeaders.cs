using System.Globalization;
using Baton.Emulator.S3.Storage;

namespace Baton.Emulator.S3;

/// <summary>Reads object attributes from request headers and writes them back on responses.</summary>
internal static class ObjectHeaders
{
    private const string MetadataPrefix = "x-amz-meta-";
    private const string SseHeader = "x-amz-server-side-encryption";
    private const string KmsKeyHeader = "x-amz-server-side-encryption-aws-kms-key-id";

    /// <summary>Content headers S3 stores with an object and answers on GET and HEAD.</summary>
    private static readonly string[] _storedContentHeaders =
        ["Content-Encoding", "Content-Disposition", "Content-Language", "Cache-Control", "Expires"];

    private static readonly string[] _sseValues = ["AES256", "aws:kms", "aws:kms:dsse"];

    /// <summary>The attributes a PutObject or CreateMultipartUpload request sets.</summary>
    public static ObjectAttributes FromRequest(HttpRequest request)
    {
        var headers = request.Headers;
        if (headers.ContainsKey("x-amz-server-side-encryption-customer-algorithm"))
        {
            throw S3Errors.NotImplemented("server-side encryption with customer-provided keys (SSE-C)");
        }

        var sse = NullIfEmpty(headers[SseHeader].ToString());
        if (sse is not null && !_sseValues.Contains(sse, StringComparer.Ordinal))
        {
            throw new S3Exception($"x-amz-server-side-encryption '{sse}' is not supported; use AES256 or aws:kms.");
        }

        var kmsKeyId = NullIfEmpty(headers[KmsKeyHeader].ToString());
        if (kmsKeyId is not null && sse is not ("aws:kms" or "aws:kms:dsse"))
        {
            throw new S3Exception("x-amz-server-side-encryption-aws-kms-key-id needs x-amz-server-side-encryption: aws:kms.");
        }

        var contentHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _storedContentHeaders)
        {
            var value = headers[name].ToString();
            if (name == "Content-Encoding")
            {
                // aws-chunked is the transfer framing of this request, not a property of the object.
                value = string.Join(",", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Where(v => !v.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase)));
            }

            if (value.Length > 0)
            {
                contentHeaders[name] = value;
            }
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > MetadataPrefix.Length)
            {
                metadata[name[MetadataPrefix.Length..].ToLowerInvariant()] = value.ToString();
            }
        }

        return new ObjectAttributes
        {
            ContentType = NullIfEmpty(headers.ContentType.ToString()) ?? ObjectAttributes.Empty.ContentType,
            ContentHeaders = contentHeaders,
            UserMetadata = metadata,
            ServerSideEncryption = sse,
            KmsKeyId = kmsKeyId,
        };
    }

    /// <summary>Writes the headers GetObject and HeadObject answer (all but Content-Length and Content-Range).</summary>
    public static void WriteObject(HttpResponse response, ObjectInfo info, bool includeChecksum)
    {
        var headers = response.Headers;
        headers.ETag = info.ETag;
        headers.LastModified = info.LastModified.ToString("R", CultureInfo.InvariantCulture);
        headers.AcceptRanges = "bytes";
        response.ContentType = info.Attributes.ContentType;
        foreach (var (name, headerValue) in info.Attributes.ContentHeaders)
        {
            headers[name] = headerValue;
        }

        foreach (var (name, metadataValue) in info.Attributes.UserMetadata)
        {
            headers[MetadataPrefix + name] = metadataValue;
        }

        if (info.PartsCount > 0)
        {
            headers["x-amz-mp-parts-count"] = info.PartsCount.ToString(CultureInfo.InvariantCulture);
        }

        if (includeChecksum && info.Attributes is { ChecksumAlgorithm: { } algorithm, ChecksumValue: { } value })
        {
            headers[Streaming.S3Checksum.HeaderFor(algorithm)] = value;
        }

        WriteEncryption(response, info.Attributes);
    }

    /// <summary>Echoes server-side encryption as S3 does on PUT, GET, HEAD and multipart responses.</summary>
    public static void WriteEncryption(HttpResponse response, ObjectAttributes attributes)
    {
        if (attributes.ServerSideEncryption is { } sse)
        {
            response.Headers[SseHeader] = sse;
        }

        if (attributes.KmsKeyId is { } kmsKeyId)
        {
            response.Headers[KmsKeyHeader] = kmsKeyId;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
