namespace Baton.Agent.Handlers;

/// <summary>
/// Moves a job's artifacts between S3 and the local disk with the job's temporary credentials.
/// Input artifacts are ZIP files that are extracted; outputs are zipped and uploaded to their
/// pre-assigned locations.
/// </summary>
public interface IJobArtifacts
{
    /// <summary>Downloads an input artifact and extracts it.</summary>
    /// <param name="artifact">One of <see cref="JobContext.InputArtifacts"/>.</param>
    /// <param name="destinationDirectory">The directory to extract into.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    ValueTask DownloadAsync(JobArtifact artifact, string destinationDirectory, CancellationToken cancellationToken);

    /// <summary>Zips a directory and uploads it as an output artifact.</summary>
    /// <param name="artifact">One of <see cref="JobContext.OutputArtifacts"/>.</param>
    /// <param name="sourceDirectory">The directory whose content becomes the artifact.</param>
    /// <param name="cancellationToken">Cancels the transfer.</param>
    ValueTask UploadAsync(JobArtifact artifact, string sourceDirectory, CancellationToken cancellationToken);
}
