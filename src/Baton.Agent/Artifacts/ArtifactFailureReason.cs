namespace Baton.Agent.Artifacts;

/// <summary>Why an artifact could not be downloaded, extracted or uploaded.</summary>
public enum ArtifactFailureReason
{
    /// <summary>The job has no input or output artifact of the requested name (a configuration error).</summary>
    UnknownArtifact,

    /// <summary>The input artifact is not a readable ZIP file.</summary>
    NotAZipFile,

    /// <summary>An entry name has a <c>..</c> segment that would climb out of the extraction directory.</summary>
    PathTraversal,

    /// <summary>An entry name is an absolute path (leading slash, drive letter or UNC share).</summary>
    AbsolutePath,

    /// <summary>An entry is a symbolic link, or would be written through one.</summary>
    SymbolicLink,

    /// <summary>An entry name is empty, has control characters, or resolves outside the extraction directory.</summary>
    InvalidEntryName,

    /// <summary>The artifact has more entries than <see cref="ArtifactOptions.MaxEntryCount"/>.</summary>
    TooManyEntries,

    /// <summary>The artifact extracts to more than <see cref="ArtifactOptions.MaxExtractedBytes"/>, or an entry to more than it declares.</summary>
    TooLarge,

    /// <summary>An entry compresses better than <see cref="ArtifactOptions.MaxCompressionRatio"/> (a zip bomb).</summary>
    CompressionRatio,

    /// <summary>The handler's output is not usable: a missing directory, a symbolic link, or a stream that is not a ZIP.</summary>
    InvalidOutput,

    /// <summary>The artifact's object or bucket does not exist in S3.</summary>
    NotFound,

    /// <summary>S3 refused the job's artifact credentials, also after they were re-fetched.</summary>
    AccessDenied,

    /// <summary>S3 could not be reached or answered with a server error.</summary>
    Unavailable,

    /// <summary>S3 answered with another error.</summary>
    TransferFailed,
}
