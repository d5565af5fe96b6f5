using Baton.Emulator.S3.Storage;

namespace Baton.Emulator.S3;

/// <summary>
/// In-process access to the emulated S3 for the rest of the emulator: the pipeline engine creates
/// artifact-store buckets on demand and copies source objects into them without going over HTTP.
/// Objects written here are the same objects the S3 API serves.
/// </summary>
/// <param name="store">The emulator's object store.</param>
public sealed class EmulatedS3(IObjectStore store)
{
    /// <summary>The underlying store, for listing or anything these helpers do not cover.</summary>
    public IObjectStore Store => store;

    /// <summary>Creates the bucket unless it exists; returns <see langword="true"/> when it was created.</summary>
    /// <param name="bucket">The bucket name; must follow S3's naming rules.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="S3Exception"><c>InvalidBucketName</c>.</exception>
    public async ValueTask<bool> EnsureBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        BucketNames.Validate(bucket);
        return await store.CreateBucketAsync(bucket, cancellationToken);
    }

    /// <summary>Stores an object, replacing any previous version.</summary>
    /// <param name="bucket">An existing bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="content">The bytes, read to the end.</param>
    /// <param name="attributes">Content type, metadata, encryption; <see cref="ObjectAttributes.Empty"/> for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c> or <c>KeyTooLongError</c>.</exception>
    public ValueTask<ObjectInfo> PutObjectAsync(string bucket, string key, Stream content, ObjectAttributes? attributes = null, CancellationToken cancellationToken = default) =>
        store.PutObjectAsync(bucket, Handlers.ObjectHandlers.ValidKey(key), content, new ObjectWrite(attributes ?? ObjectAttributes.Empty), cancellationToken);

    /// <summary>Opens an object for reading; dispose the result.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="S3Exception"><c>NoSuchBucket</c> or <c>NoSuchKey</c>.</exception>
    public async ValueTask<OpenedObject> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        await store.OpenObjectAsync(bucket, key, cancellationToken) ?? throw S3Errors.NoSuchKey(bucket, key);

    /// <summary>Copies an object (bytes and attributes), for example from a source bucket into an artifact store.</summary>
    /// <param name="sourceBucket">The source bucket.</param>
    /// <param name="sourceKey">The source key.</param>
    /// <param name="destinationBucket">The destination bucket (must exist).</param>
    /// <param name="destinationKey">The destination key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<ObjectInfo> CopyObjectAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CancellationToken cancellationToken = default)
    {
        await using var source = await GetObjectAsync(sourceBucket, sourceKey, cancellationToken);
        return await PutObjectAsync(destinationBucket, destinationKey, source.Content, source.Info.Attributes, cancellationToken);
    }
}
