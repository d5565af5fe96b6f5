using System.Security.Cryptography;
using Baton.Emulator.S3.Storage;
using Microsoft.Extensions.Options;

namespace Baton.Emulator.S3.Multipart;

/// <summary>
/// Multipart uploads in progress. Parts live in memory, or as files under
/// <c>{DataDirectory}/multipart</c> when the emulator has a data directory. Uploads in progress
/// do not survive a restart (their part files are removed at start); completed objects do.
/// </summary>
internal sealed class MultipartUploads
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MultipartUpload> _uploads = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly long _minimumPartSize;
    private readonly string? _partsDirectory;

    public MultipartUploads(IOptions<S3EmulatorOptions> options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _minimumPartSize = options.Value.MinimumPartSize;
        if (options.Value.DataDirectory is { } dataDirectory)
        {
            _partsDirectory = Path.Combine(dataDirectory, "multipart");
            if (Directory.Exists(_partsDirectory))
            {
                Directory.Delete(_partsDirectory, recursive: true);
            }

            Directory.CreateDirectory(_partsDirectory);
        }
    }

    public MultipartUpload Create(string bucket, string key, ObjectAttributes attributes)
    {
        var upload = new MultipartUpload(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), bucket, key, _timeProvider.GetUtcNow(), attributes);
        lock (_gate)
        {
            _uploads.Add(upload.UploadId, upload);
        }

        return upload;
    }

    /// <summary>The upload, checked against the bucket and key of the request.</summary>
    public MultipartUpload Get(string uploadId, string bucket, string key)
    {
        lock (_gate)
        {
            return _uploads.TryGetValue(uploadId, out var upload) && upload.Bucket == bucket && upload.Key == key
                ? upload
                : throw S3Errors.NoSuchUpload(uploadId);
        }
    }

    /// <summary>A snapshot of an upload's parts in part-number order.</summary>
    public IReadOnlyList<UploadedPart> ListParts(MultipartUpload upload)
    {
        lock (_gate)
        {
            return [.. upload.Parts.Values];
        }
    }

    public IReadOnlyList<MultipartUpload> List(string bucket)
    {
        lock (_gate)
        {
            return [.. _uploads.Values.Where(u => u.Bucket == bucket).OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.Initiated)];
        }
    }

    public async ValueTask<UploadedPart> PutPartAsync(MultipartUpload upload, int partNumber, Stream body, CancellationToken cancellationToken)
    {
        UploadedPart part;
        if (_partsDirectory is null)
        {
            using var buffer = new MemoryStream();
            var (size, etag) = await ContentHasher.CopyAsync(body, buffer, cancellationToken);
            part = new UploadedPart(partNumber, etag, size, _timeProvider.GetUtcNow()) { Data = buffer.ToArray() };
        }
        else
        {
            var path = Path.Combine(_partsDirectory, $"{upload.UploadId}.{partNumber}.{Guid.NewGuid():N}");
            try
            {
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
                var (size, etag) = await ContentHasher.CopyAsync(body, file, cancellationToken);
                part = new UploadedPart(partNumber, etag, size, _timeProvider.GetUtcNow()) { Path = path };
            }
            catch
            {
                File.Delete(path);
                throw;
            }
        }

        lock (_gate)
        {
            if (!_uploads.ContainsKey(upload.UploadId))
            {
                part.Delete();
                throw S3Errors.NoSuchUpload(upload.UploadId);
            }

            if (upload.Parts.Remove(partNumber, out var replaced))
            {
                replaced.Delete();
            }

            upload.Parts.Add(partNumber, part);
        }

        return part;
    }

    /// <summary>
    /// Checks the client's part list against the uploaded parts, then stores the object and ends
    /// the upload. A rejected list leaves the upload in progress so the client can retry.
    /// </summary>
    public async ValueTask<ObjectInfo> CompleteAsync(MultipartUpload upload, IReadOnlyList<(int PartNumber, string ETag)> requested, IObjectStore store, CancellationToken cancellationToken)
    {
        List<UploadedPart> chosen;
        lock (_gate)
        {
            if (!_uploads.Remove(upload.UploadId))
            {
                throw S3Errors.NoSuchUpload(upload.UploadId);
            }

            try
            {
                chosen = Choose(upload, requested);
            }
            catch
            {
                _uploads.Add(upload.UploadId, upload);
                throw;
            }
        }

        try
        {
            var write = new ObjectWrite(upload.Attributes)
            {
                ETag = ContentHasher.MultipartETag([.. chosen.Select(p => p.ETag)]),
                PartsCount = chosen.Count,
            };
            await using var content = new ConcatenatedStream([.. chosen.Select(p => (Func<Stream>)p.Open)]);
            var info = await store.PutObjectAsync(upload.Bucket, upload.Key, content, write, cancellationToken);
            DeleteParts(upload);
            return info;
        }
        catch
        {
            lock (_gate)
            {
                _uploads.TryAdd(upload.UploadId, upload);
            }

            throw;
        }
    }

    public void Abort(MultipartUpload upload)
    {
        lock (_gate)
        {
            if (!_uploads.Remove(upload.UploadId))
            {
                throw S3Errors.NoSuchUpload(upload.UploadId);
            }
        }

        DeleteParts(upload);
    }

    private List<UploadedPart> Choose(MultipartUpload upload, IReadOnlyList<(int PartNumber, string ETag)> requested)
    {
        if (requested.Count == 0)
        {
            throw S3Errors.MalformedXml("CompleteMultipartUpload must list at least one Part.");
        }

        var chosen = new List<UploadedPart>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var (number, etag) = requested[i];
            if (i > 0 && number <= requested[i - 1].PartNumber)
            {
                throw S3Errors.InvalidPartOrder(requested[i - 1].PartNumber, number);
            }

            if (!upload.Parts.TryGetValue(number, out var part) || part.ETag.Trim('"') != etag.Trim().Trim('"'))
            {
                throw S3Errors.InvalidPart($"One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag: part {number} with ETag {etag}. Upload the part again or list the ETags UploadPart returned.");
            }

            chosen.Add(part);
        }

        foreach (var part in chosen.Take(chosen.Count - 1).Where(p => p.Size < _minimumPartSize))
        {
            throw S3Errors.EntityTooSmall(part.PartNumber, part.Size, _minimumPartSize);
        }

        return chosen;
    }

    private void DeleteParts(MultipartUpload upload)
    {
        lock (_gate)
        {
            foreach (var part in upload.Parts.Values)
            {
                part.Delete();
            }

            upload.Parts.Clear();
        }
    }
}
