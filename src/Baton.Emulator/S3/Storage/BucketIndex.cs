namespace Baton.Emulator.S3.Storage;

/// <summary>
/// The in-memory index of buckets and their objects in key order, shared by both stores.
/// <typeparamref name="TContent"/> is where an object's bytes are: an array in memory or a
/// file name on disk. Every member is thread-safe.
/// </summary>
/// <typeparam name="TContent">The handle of an object's bytes.</typeparam>
internal sealed class BucketIndex<TContent>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryAddBucket(BucketInfo bucket)
    {
        lock (_gate)
        {
            return _buckets.TryAdd(bucket.Name, new Bucket(bucket));
        }
    }

    public BucketInfo? GetBucket(string bucket)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(bucket, out var found) ? found.Info : null;
        }
    }

    public IReadOnlyList<BucketInfo> ListBuckets()
    {
        lock (_gate)
        {
            return [.. _buckets.Values.Select(b => b.Info).OrderBy(b => b.Name, StringComparer.Ordinal)];
        }
    }

    public BucketDeletion RemoveBucket(string bucket)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var found))
            {
                return BucketDeletion.NotFound;
            }

            if (found.Objects.Count > 0)
            {
                return BucketDeletion.NotEmpty;
            }

            _buckets.Remove(bucket);
            return BucketDeletion.Deleted;
        }
    }

    public (ObjectInfo Info, TContent Content)? Get(string bucket, string key)
    {
        lock (_gate)
        {
            return Require(bucket).Objects.TryGetValue(key, out var entry) ? entry : null;
        }
    }

    /// <summary>Stores the entry and returns the one it replaced, if any.</summary>
    public (ObjectInfo Info, TContent Content)? Set(string bucket, ObjectInfo info, TContent content)
    {
        lock (_gate)
        {
            var objects = Require(bucket).Objects;
            (ObjectInfo, TContent)? previous = objects.TryGetValue(info.Key, out var old) ? old : null;
            objects[info.Key] = (info, content);
            return previous;
        }
    }

    public (ObjectInfo Info, TContent Content)? Remove(string bucket, string key)
    {
        lock (_gate)
        {
            return Require(bucket).Objects.Remove(key, out var removed) ? removed : null;
        }
    }

    public IReadOnlyList<ObjectInfo> List(string bucket, string prefix, string? after)
    {
        lock (_gate)
        {
            // A linear scan keeps the index simple; emulator buckets hold thousands of keys, not billions.
            return [.. Require(bucket).Objects
                .Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)
                    && (after is null || string.CompareOrdinal(pair.Key, after) > 0))
                .Select(pair => pair.Value.Info)];
        }
    }

    private Bucket Require(string bucket) =>
        _buckets.TryGetValue(bucket, out var found) ? found : throw S3Errors.NoSuchBucket(bucket);

    private sealed class Bucket(BucketInfo info)
    {
        public BucketInfo Info { get; } = info;

        public SortedDictionary<string, (ObjectInfo Info, TContent Content)> Objects { get; } = new(StringComparer.Ordinal);
    }
}
