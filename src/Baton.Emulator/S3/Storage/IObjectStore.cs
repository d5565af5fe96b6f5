namespace Baton.Emulator.S3.Storage;

/// <summary>
/// The storage port of the emulated S3: buckets and their objects, named after S3's own verbs.
/// Implementations are thread-safe; a reader sees either the old or the new version of an
/// object being overwritten, never a mix, and a failed write leaves the old version in place.
/// Operations on a missing bucket throw <see cref="S3Exception"/> <c>NoSuchBucket</c>.
/// </summary>
public interface IObjectStore
{
    /// <summary>Creates a bucket; returns <see langword="false"/> when it already exists.</summary>
    ValueTask<bool> CreateBucketAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Returns the bucket, or <see langword="null"/> when there is none.</summary>
    ValueTask<BucketInfo?> GetBucketAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>Lists every bucket by name.</summary>
    ValueTask<IReadOnlyList<BucketInfo>> ListBucketsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes an empty bucket.</summary>
    ValueTask<BucketDeletion> DeleteBucketAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>
    /// Reads <paramref name="content"/> to its end and stores it as the object, replacing any
    /// previous version only when the whole stream was read without error.
    /// </summary>
    ValueTask<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectWrite write, CancellationToken cancellationToken);

    /// <summary>Returns the object's description, or <see langword="null"/> when there is no such key.</summary>
    ValueTask<ObjectInfo?> GetObjectInfoAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Opens the object for reading, or returns <see langword="null"/> when there is no such key.</summary>
    ValueTask<OpenedObject?> OpenObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Deletes the object; returns <see langword="false"/> when there was none.</summary>
    ValueTask<bool> DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the objects whose keys start with <paramref name="prefix"/> and sort (ordinal)
    /// after <paramref name="after"/>, in key order.
    /// </summary>
    ValueTask<IReadOnlyList<ObjectInfo>> ListObjectsAsync(string bucket, string prefix, string? after, CancellationToken cancellationToken);
}
