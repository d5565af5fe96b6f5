namespace Baton.Emulator.S3.Storage;

/// <summary>A stored object's description: everything but its bytes.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">The length in bytes.</param>
/// <param name="ETag">The quoted entity tag: the MD5 hex of the bytes, or <c>md5-of-md5s-N</c> for multipart objects.</param>
/// <param name="LastModified">When the object was written.</param>
/// <param name="Attributes">Content headers, user metadata, encryption and checksum.</param>
public sealed record ObjectInfo(string Key, long Size, string ETag, DateTimeOffset LastModified, ObjectAttributes Attributes)
{
    /// <summary>The number of parts for an object completed from a multipart upload; 0 otherwise.</summary>
    public int PartsCount { get; init; }
}

/// <summary>A bucket's description.</summary>
/// <param name="Name">The bucket name.</param>
/// <param name="CreationDate">When the bucket was created.</param>
public sealed record BucketInfo(string Name, DateTimeOffset CreationDate);

/// <summary>An object opened for reading; dispose it to release the content stream.</summary>
/// <param name="Info">The object's description, consistent with <paramref name="Content"/>.</param>
/// <param name="Content">The bytes, readable and seekable.</param>
public sealed record OpenedObject(ObjectInfo Info, Stream Content) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>How the bytes of an object are written: attributes plus, for multipart results, a given ETag.</summary>
/// <param name="Attributes">The attributes to store.</param>
public sealed record ObjectWrite(ObjectAttributes Attributes)
{
    /// <summary>The ETag to store instead of the MD5 of the bytes (multipart completion).</summary>
    public string? ETag { get; init; }

    /// <summary>The number of parts when completing a multipart upload.</summary>
    public int PartsCount { get; init; }

    /// <summary>
    /// Called once the content has been read to its end, to add what is only known then (the
    /// checksum of a trailer); the store keeps the attributes it returns.
    /// </summary>
    public Func<ObjectAttributes, ObjectAttributes>? Finish { get; init; }

    /// <summary>The attributes to store once the content has been read.</summary>
    public ObjectAttributes FinalAttributes() => Finish?.Invoke(Attributes) ?? Attributes;
}

/// <summary>The outcome of deleting a bucket.</summary>
public enum BucketDeletion
{
    /// <summary>The bucket was deleted.</summary>
    Deleted,

    /// <summary>There is no such bucket.</summary>
    NotFound,

    /// <summary>The bucket still holds objects.</summary>
    NotEmpty,
}
