using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Baton.Emulator.S3.Storage;

/// <summary>
/// An <see cref="IObjectStore"/> under a data directory that survives restarts. Layout:
/// <c>buckets/{bucket}/bucket.json</c>, and per object <c>objects/{sha256(key)}.json</c> (the
/// description, including the key) next to <c>objects/{sha256(key)}.{id}.data</c> (the bytes).
/// A write goes to <c>tmp/</c> first and is moved into place under a lock, so a crash never
/// leaves a half-written object visible; data files no description points at are removed at start.
/// </summary>
public sealed class FileSystemObjectStore : IObjectStore
{
    private readonly BucketIndex<string> _index = new();
    private readonly Lock _commitGate = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _bucketsDirectory;
    private readonly string _tempDirectory;

    /// <summary>Opens (or creates) the store under <paramref name="dataDirectory"/> and loads its index.</summary>
    /// <param name="dataDirectory">The directory that holds the store.</param>
    /// <param name="timeProvider">The clock for creation and modification times.</param>
    /// <param name="logger">Logs objects that could not be loaded.</param>
    public FileSystemObjectStore(string dataDirectory, TimeProvider timeProvider, ILogger<FileSystemObjectStore> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        _bucketsDirectory = Path.Combine(dataDirectory, "buckets");
        _tempDirectory = Path.Combine(dataDirectory, "tmp");
        if (Directory.Exists(_tempDirectory))
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }

        Directory.CreateDirectory(_bucketsDirectory);
        Directory.CreateDirectory(_tempDirectory);
        FileSystemStoreLoader.Load(_bucketsDirectory, _index, logger);
    }

    /// <inheritdoc />
    public ValueTask<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        var info = new BucketInfo(bucket, _timeProvider.GetUtcNow());
        lock (_commitGate)
        {
            if (_index.GetBucket(bucket) is not null)
            {
                return ValueTask.FromResult(false);
            }

            Directory.CreateDirectory(ObjectsDirectory(bucket));
            WriteAtomically(Path.Combine(_bucketsDirectory, bucket, FileSystemStoreLoader.BucketFile), JsonSerializer.SerializeToUtf8Bytes(info));
            return ValueTask.FromResult(_index.TryAddBucket(info));
        }
    }

    /// <inheritdoc />
    public ValueTask<BucketInfo?> GetBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetBucket(bucket));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.ListBuckets());

    /// <inheritdoc />
    public ValueTask<BucketDeletion> DeleteBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        lock (_commitGate)
        {
            var deletion = _index.RemoveBucket(bucket);
            if (deletion == BucketDeletion.Deleted)
            {
                Directory.Delete(Path.Combine(_bucketsDirectory, bucket), recursive: true);
            }

            return ValueTask.FromResult(deletion);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(write);
        _ = _index.GetBucket(bucket) ?? throw S3Errors.NoSuchBucket(bucket);
        var temp = Path.Combine(_tempDirectory, Guid.NewGuid().ToString("N"));
        try
        {
            long size;
            string etag;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                (size, etag) = await ContentHasher.CopyAsync(content, file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            var info = new ObjectInfo(key, size, write.ETag ?? etag, _timeProvider.GetUtcNow(), write.FinalAttributes()) { PartsCount = write.PartsCount };
            Commit(bucket, info, temp);
            return info;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <inheritdoc />
    public ValueTask<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.Get(bucket, key)?.Info);

    /// <inheritdoc />
    public ValueTask<OpenedObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        // Under the commit lock the description and the file agree; once open, a later
        // overwrite or delete unlinks the file but this reader keeps the old bytes.
        lock (_commitGate)
        {
            if (_index.Get(bucket, key) is not { } entry)
            {
                return ValueTask.FromResult<OpenedObject?>(null);
            }

            var stream = new FileStream(entry.Content, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, useAsync: true);
            return ValueTask.FromResult<OpenedObject?>(new OpenedObject(entry.Info, stream));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        lock (_commitGate)
        {
            if (_index.Remove(bucket, key) is not { } removed)
            {
                return ValueTask.FromResult(false);
            }

            File.Delete(DescriptionPath(bucket, key));
            File.Delete(removed.Content);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? after, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.List(bucket, prefix, after));

    private void Commit(string bucket, ObjectInfo info, string temp)
    {
        var dataPath = Path.Combine(ObjectsDirectory(bucket), $"{KeyHash(info.Key)}.{Guid.NewGuid():N}.data");
        lock (_commitGate)
        {
            _ = _index.GetBucket(bucket) ?? throw S3Errors.NoSuchBucket(bucket);
            File.Move(temp, dataPath);
            var description = new StoredDescription(info, Path.GetFileName(dataPath));
            WriteAtomically(DescriptionPath(bucket, info.Key), JsonSerializer.SerializeToUtf8Bytes(description));
            if (_index.Set(bucket, info, dataPath) is { } replaced)
            {
                File.Delete(replaced.Content);
            }
        }

        Log.ObjectStored(_logger, bucket, info.Key, info.Size);
    }

    private void WriteAtomically(string path, byte[] content)
    {
        var temp = Path.Combine(_tempDirectory, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    private string ObjectsDirectory(string bucket) => Path.Combine(_bucketsDirectory, bucket, FileSystemStoreLoader.ObjectsDirectory);

    private string DescriptionPath(string bucket, string key) => Path.Combine(ObjectsDirectory(bucket), KeyHash(key) + ".json");

    /// <summary>Keys may hold any character, so files are named by a hash of the key.</summary>
    internal static string KeyHash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>The on-disk description of an object: its info and the name of its data file.</summary>
/// <param name="Info">The object's description.</param>
/// <param name="DataFile">The data file name in the same directory.</param>
internal sealed record StoredDescription(ObjectInfo Info, string DataFile);
