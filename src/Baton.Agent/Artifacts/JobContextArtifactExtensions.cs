using Baton.Agent.Handlers;

namespace Baton.Agent.Artifacts;

/// <summary>
/// Name-based artifact access for handlers: <c>job.ExtractInputAsync("SourceOutput", dir, ct)</c>.
/// Works with whatever <see cref="IJobArtifacts"/> the runner put on the <see cref="JobContext"/>.
/// </summary>
public static class JobContextArtifactExtensions
{
    /// <summary>Downloads the input artifact of this name and extracts it safely into a directory.</summary>
    /// <param name="job">The job.</param>
    /// <param name="name">The input artifact's name from the pipeline declaration.</param>
    /// <param name="directory">The directory to extract into.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <exception cref="ArtifactException">No such input (<c>ConfigurationError</c> listing the inputs), or an unsafe artifact.</exception>
    public static ValueTask ExtractInputAsync(this JobContext job, string name, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Artifacts.DownloadAsync(Find(job.InputArtifacts, name, "input"), directory, cancellationToken);
    }

    /// <summary>Zips a directory and uploads it as the output artifact of this name.</summary>
    /// <param name="job">The job.</param>
    /// <param name="name">The output artifact's name from the pipeline declaration.</param>
    /// <param name="directory">The directory whose content becomes the artifact.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    /// <exception cref="ArtifactException">No such output (<c>ConfigurationError</c> listing the outputs), or the upload failed.</exception>
    public static ValueTask UploadOutputAsync(this JobContext job, string name, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Artifacts.UploadAsync(Find(job.OutputArtifacts, name, "output"), directory, cancellationToken);
    }

    private static JobArtifact Find(IReadOnlyList<JobArtifact> artifacts, string name, string kind) =>
        new ArtifactCollection<JobArtifact>(artifacts, a => a.Name, kind)[name];
}
