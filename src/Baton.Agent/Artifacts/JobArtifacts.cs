using Baton.Agent.Handlers;

namespace Baton.Agent.Artifacts;

/// <summary>
/// The artifacts of one job, with the job's credentials: <c>Inputs["Name"].ExtractToAsync(dir)</c>
/// and <c>Outputs["Name"].UploadDirectoryAsync(dir)</c>. Create one per job with
/// <see cref="JobArtifactsFactory"/> and dispose it when the step ends: that deletes the job's work
/// directory.
/// </summary>
public sealed class JobArtifacts : IJobArtifacts, IAsyncDisposable
{
    private readonly JobArtifactSession _session;

    internal JobArtifacts(IReadOnlyList<JobArtifact> inputs, IReadOnlyList<JobArtifact> outputs, JobArtifactSession session)
    {
        _session = session;
        Inputs = new ArtifactCollection<InputArtifact>([.. inputs.Select(a => new InputArtifact(a, session))], a => a.Name, "input");
        Outputs = new ArtifactCollection<OutputArtifact>([.. outputs.Select(a => new OutputArtifact(a, session))], a => a.Name, "output");
    }

    /// <summary>The input artifacts by name.</summary>
    public ArtifactCollection<InputArtifact> Inputs { get; }

    /// <summary>The output artifacts by name, at their pre-assigned S3 locations.</summary>
    public ArtifactCollection<OutputArtifact> Outputs { get; }

    /// <summary>The job's work directory for downloaded and zipped artifacts (deleted on dispose).</summary>
    public string WorkDirectory => _session.WorkDirectory;

    /// <inheritdoc />
    /// <exception cref="ArtifactException">The artifact is unknown, unsafe, or could not be downloaded.</exception>
    public async ValueTask DownloadAsync(JobArtifact artifact, string destinationDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        await Inputs[artifact.Name].ExtractToAsync(destinationDirectory, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArtifactException">The artifact is unknown, the directory unusable, or the upload failed.</exception>
    public async ValueTask UploadAsync(JobArtifact artifact, string sourceDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        await Outputs[artifact.Name].UploadDirectoryAsync(sourceDirectory, cancellationToken);
    }

    /// <summary>Disposes the S3 client and deletes the job's work directory.</summary>
    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
