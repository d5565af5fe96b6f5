using Amazon.S3.Model;
using Baton.Agent.Handlers;

namespace Baton.Agent.Artifacts;

/// <summary>
/// One input artifact of the job: a ZIP in S3 that can be downloaded to the job's work directory
/// and extracted safely into a directory of the handler's choice.
/// </summary>
public sealed class InputArtifact
{
    private readonly JobArtifactSession _session;
    private string? _zipPath;

    internal InputArtifact(JobArtifact location, JobArtifactSession session)
    {
        Location = location;
        _session = session;
    }

    /// <summary>The artifact's name from the pipeline declaration.</summary>
    public string Name => Location.Name;

    /// <summary>Where the artifact lives in S3, and its revision.</summary>
    public JobArtifact Location { get; }

    /// <summary>
    /// Downloads the artifact's ZIP into the job's work directory (once; later calls return the
    /// same file). The file is deleted when the job's step ends.
    /// </summary>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The path of the downloaded ZIP.</returns>
    /// <exception cref="ArtifactException">S3 refused or failed the download.</exception>
    public async Task<string> DownloadAsync(CancellationToken cancellationToken)
    {
        if (_zipPath is not null)
        {
            return _zipPath;
        }

        var path = _session.ZipPath("inputs", Name);
        Log.Downloading(_session.Logger, Name, Location.BucketName, Location.ObjectKey);
        var call = new S3Call("GetObject", Name, IsInput: true, Location.BucketName, Location.ObjectKey);
        try
        {
            await _session.S3.SendAsync(call, async (client, ct) =>
            {
                using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = Location.BucketName, Key = Location.ObjectKey }, ct);
                await response.WriteResponseStreamToFileAsync(path, append: false, ct);
                return response.ContentLength;
            }, cancellationToken);
        }
        catch (ArtifactException ex) when (_session.LogFailure(ex))
        {
            throw;
        }

        _zipPath = path;
        return path;
    }

    /// <summary>
    /// Downloads the artifact if needed and extracts it into <paramref name="directory"/> (created
    /// if missing). Entries with absolute paths or <c>..</c> segments, symbolic links, and archives
    /// over the size, entry-count or compression-ratio limits are rejected before anything is
    /// written; see <see cref="ArtifactOptions"/> for the limits.
    /// </summary>
    /// <param name="directory">The directory to extract into.</param>
    /// <param name="cancellationToken">Cancels the download and extraction.</param>
    /// <returns>What was extracted.</returns>
    /// <exception cref="ArtifactException">The artifact is not a ZIP, breaks a safety rule, or could not be downloaded.</exception>
    public async Task<ExtractedArtifact> ExtractToAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var zipPath = await DownloadAsync(cancellationToken);
        try
        {
            var extracted = await _session.Extractor.ExtractAsync(Name, zipPath, directory, cancellationToken);
            Log.Extracted(_session.Logger, Name, extracted.FileCount, extracted.ExtractedBytes);
            return extracted;
        }
        catch (ArtifactException ex) when (_session.LogFailure(ex))
        {
            throw;
        }
    }
}
