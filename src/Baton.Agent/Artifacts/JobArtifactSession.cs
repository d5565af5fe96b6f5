using Microsoft.Extensions.Logging;

namespace Baton.Agent.Artifacts;

/// <summary>
/// What the artifacts of one job share: the S3 client with the job's credentials, the job's work
/// directory (created on first use, deleted with the session) and the limits.
/// </summary>
internal sealed class JobArtifactSession(
    string workDirectory, ArtifactS3Client s3, OutputUploader uploader, SafeZipExtractor extractor, ILogger logger) : IAsyncDisposable
{
    public string WorkDirectory => workDirectory;

    public ArtifactS3Client S3 => s3;

    public OutputUploader Uploader => uploader;

    public SafeZipExtractor Extractor => extractor;

    public ILogger Logger => logger;

    /// <summary>A file path in the work directory for an artifact's ZIP; the directory is created on demand.</summary>
    public string ZipPath(string kind, string artifactName)
    {
        var directory = Path.Combine(workDirectory, kind);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, SafeFileName(artifactName) + ".zip");
    }

    /// <summary>Logs an artifact failure on its way to the runner.</summary>
    public bool LogFailure(ArtifactException ex)
    {
        Log.ArtifactFailed(logger, ex.ArtifactName, ex.Reason, ex.Message);
        return false;
    }

    public ValueTask DisposeAsync()
    {
        s3.Dispose();
        try
        {
            if (Directory.Exists(workDirectory))
            {
                Directory.Delete(workDirectory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.WorkDirectoryNotDeleted(logger, workDirectory, ex);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Artifact names and job ids come from CodePipeline; they are still never trusted as paths.</summary>
    public static string SafeFileName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return safe.Length is > 0 and <= 100 && safe.Any(c => c != '_') ? safe : "artifact-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..16];
    }
}
