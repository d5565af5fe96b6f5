using System.IO.Compression;
using Baton.Agent.Handlers;

namespace Baton.Agent.Artifacts;

/// <summary>
/// One output artifact of the job: a directory the handler filled (or a ZIP it made) that is
/// uploaded to the pre-assigned S3 location with SSE-KMS.
/// </summary>
public sealed class OutputArtifact
{
    private readonly JobArtifactSession _session;

    internal OutputArtifact(JobArtifact location, JobArtifactSession session)
    {
        Location = location;
        _session = session;
    }

    /// <summary>The artifact's name from the pipeline declaration.</summary>
    public string Name => Location.Name;

    /// <summary>The pre-assigned S3 location the artifact is uploaded to.</summary>
    public JobArtifact Location { get; }

    /// <summary>Zips the content of <paramref name="sourceDirectory"/> (not the directory itself) and uploads it.</summary>
    /// <param name="sourceDirectory">The directory whose files become the artifact; it must not contain symbolic links.</param>
    /// <param name="cancellationToken">Cancels zipping and uploading; a partial multipart upload is aborted.</param>
    /// <exception cref="ArtifactException">The directory is missing or has a link, or S3 refused or failed the upload.</exception>
    public async Task UploadDirectoryAsync(string sourceDirectory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceDirectory);
        try
        {
            var zipPath = _session.ZipPath("outputs", Name);
            await OutputZipWriter.WriteAsync(Name, sourceDirectory, zipPath, cancellationToken);
            await _session.Uploader.UploadAsync(Location, zipPath, cancellationToken);
        }
        catch (ArtifactException ex) when (_session.LogFailure(ex))
        {
            throw;
        }
    }

    /// <summary>Uploads a ZIP the handler built itself. The stream is read to its end; it is checked to be a ZIP first.</summary>
    /// <param name="zip">The ZIP content.</param>
    /// <param name="cancellationToken">Cancels the upload; a partial multipart upload is aborted.</param>
    /// <exception cref="ArtifactException">The stream is not a ZIP, or S3 refused or failed the upload.</exception>
    public async Task UploadZipAsync(Stream zip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        try
        {
            var zipPath = _session.ZipPath("outputs", Name);
            await using (var file = new FileStream(zipPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                await zip.CopyToAsync(file, cancellationToken);
                file.Position = 0;
                EnsureZip(file);
            }

            await _session.Uploader.UploadAsync(Location, zipPath, cancellationToken);
        }
        catch (ArtifactException ex) when (_session.LogFailure(ex))
        {
            throw;
        }
    }

    private void EnsureZip(FileStream file)
    {
        try
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            _ = archive.Entries.Count;
        }
        catch (InvalidDataException ex)
        {
            throw new ArtifactException(ArtifactFailureReason.InvalidOutput, Name,
                $"Output artifact '{Name}' cannot be uploaded: the stream is not a ZIP file ({ex.Message.TrimEnd('.')}). CodePipeline artifacts are ZIP archives; use UploadDirectoryAsync to have Baton zip a directory.", ex);
        }
    }
}
