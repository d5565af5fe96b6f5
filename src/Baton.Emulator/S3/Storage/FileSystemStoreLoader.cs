using System.Text.Json;

namespace Baton.Emulator.S3.Storage;

/// <summary>Rebuilds a <see cref="FileSystemObjectStore"/>'s index from disk at start.</summary>
internal static class FileSystemStoreLoader
{
    public const string BucketFile = "bucket.json";
    public const string ObjectsDirectory = "objects";

    public static void Load(string bucketsDirectory, BucketIndex<string> index, ILogger logger)
    {
        foreach (var bucketDirectory in Directory.EnumerateDirectories(bucketsDirectory))
        {
            var bucketFile = Path.Combine(bucketDirectory, BucketFile);
            var bucket = TryRead<BucketInfo>(bucketFile, logger);
            if (bucket is null)
            {
                continue;
            }

            index.TryAddBucket(bucket);
            var objectsDirectory = Path.Combine(bucketDirectory, ObjectsDirectory);
            Directory.CreateDirectory(objectsDirectory);
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            foreach (var descriptionFile in Directory.EnumerateFiles(objectsDirectory, "*.json"))
            {
                var description = TryRead<StoredDescription>(descriptionFile, logger);
                var dataPath = description is null ? null : Path.Combine(objectsDirectory, description.DataFile);
                if (description is null || !File.Exists(dataPath))
                {
                    Log.ObjectSkippedAtLoad(logger, descriptionFile);
                    continue;
                }

                referenced.Add(dataPath!);
                index.Set(bucket.Name, description.Info, dataPath!);
            }

            // Data files of writes interrupted between the move and the description update.
            foreach (var dataFile in Directory.EnumerateFiles(objectsDirectory, "*.data").Where(f => !referenced.Contains(f)))
            {
                File.Delete(dataFile);
            }
        }
    }

    private static T? TryRead<T>(string path, ILogger logger)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path));
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            Log.StoreFileUnreadable(logger, path, exception);
            return null;
        }
    }
}
