namespace Baton.Emulator.S3.Storage;

/// <summary>An <see cref="IObjectStore"/> that keeps everything in memory; nothing survives a restart.</summary>
/// <param name="timeProvider">The clock for creation and modification times.</param>
public sealed class InMemoryObjectStore(TimeProvider timeProvider) : IObjectStore
{
    private readonly BucketIndex<byte[]> _index = new();

    /// <inheritdoc />
    public ValueTask<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.TryAddBucket(new BucketInfo(bucket, timeProvider.GetUtcNow())));

    /// <inheritdoc />
    public ValueTask<BucketInfo?> GetBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetBucket(bucket));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.ListBuckets());

    /// <inheritdoc />
    public ValueTask<BucketDeletion> DeleteBucketAsync(string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.RemoveBucket(bucket));

    /// <inheritdoc />
    public async ValueTask<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(write);
        _ = _index.GetBucket(bucket) ?? throw S3Errors.NoSuchBucket(bucket);
        using var buffer = new MemoryStream();
        var (size, etag) = await ContentHasher.CopyAsync(content, buffer, cancellationToken);
        var info = new ObjectInfo(key, size, write.ETag ?? etag, timeProvider.GetUtcNow(), write.FinalAttributes()) { PartsCount = write.PartsCount };
        _index.Set(bucket, info, buffer.ToArray());
        return info;
    }

    /// <inheritdoc />
    public ValueTask<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.Get(bucket, key)?.Info);

    /// <inheritdoc />
    public ValueTask<OpenedObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var entry = _index.Get(bucket, key);
        return ValueTask.FromResult(entry is { } found
            ? new OpenedObject(found.Info, new MemoryStream(found.Content, writable: false))
            : null);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.Remove(bucket, key) is not null);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? after, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.List(bucket, prefix, after));
}
