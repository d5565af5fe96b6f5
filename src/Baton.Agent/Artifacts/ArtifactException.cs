namespace Baton.Agent.Artifacts;

/// <summary>
/// An artifact could not be downloaded, extracted or uploaded. The message names the artifact, the
/// entry or S3 location at fault and the rule it broke; <see cref="FailureType"/> is the
/// CodePipeline failure type to report it with.
/// </summary>
public sealed class ArtifactException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the artifact failed.</param>
    /// <param name="artifactName">The artifact's name.</param>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ArtifactException(ArtifactFailureReason reason, string artifactName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        ArtifactName = artifactName;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ArtifactException()
        : this(ArtifactFailureReason.TransferFailed, string.Empty, "The artifact could not be transferred.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ArtifactException(string message)
        : this(ArtifactFailureReason.TransferFailed, string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ArtifactException(string message, Exception innerException)
        : this(ArtifactFailureReason.TransferFailed, string.Empty, message, innerException)
    {
    }

    /// <summary>Why the artifact failed.</summary>
    public ArtifactFailureReason Reason { get; }

    /// <summary>The artifact's name.</summary>
    public string ArtifactName { get; }

    /// <summary>
    /// The CodePipeline failure type: <c>ConfigurationError</c> for an artifact name the action
    /// does not declare, <c>RevisionUnavailable</c> for a missing object, <c>PermissionError</c> for
    /// refused credentials, <c>SystemUnavailable</c> for S3 outages, <c>JobFailed</c> for everything
    /// else, including unsafe or oversized artifacts.
    /// </summary>
    public string FailureType => Reason switch
    {
        ArtifactFailureReason.UnknownArtifact => CodePipeline.Model.FailureType.ConfigurationError,
        ArtifactFailureReason.NotFound => CodePipeline.Model.FailureType.RevisionUnavailable,
        ArtifactFailureReason.AccessDenied => CodePipeline.Model.FailureType.PermissionError,
        ArtifactFailureReason.Unavailable => CodePipeline.Model.FailureType.SystemUnavailable,
        _ => CodePipeline.Model.FailureType.JobFailed,
    };
}
