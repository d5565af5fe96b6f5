using Amazon.Runtime;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Artifacts;

/// <summary>
/// The job's temporary artifact credentials as the S3 client sees them. They can be replaced while
/// the client is in use (after CodePipeline handed out fresh ones), and remember when they were
/// obtained so an <c>AccessDenied</c> on old credentials can be read as "expired".
/// </summary>
internal sealed class JobArtifactCredentials : AWSCredentials
{
    private readonly TimeProvider _timeProvider;
    private volatile State? _state;

    public JobArtifactCredentials(AWSSessionCredentials? credentials, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        if (credentials is not null)
        {
            Replace(credentials);
        }
    }

    /// <summary>Whether CodePipeline has handed out any credentials yet.</summary>
    public bool IsAvailable => _state is not null;

    /// <summary>Counts replacements, so a caller can tell whether someone refreshed while its request ran.</summary>
    public int Generation => _state?.Generation ?? 0;

    /// <summary>How long ago the current credentials were obtained.</summary>
    public TimeSpan Age => _state is { } state ? _timeProvider.GetUtcNow() - state.ObtainedAt : TimeSpan.MaxValue;

    public void Replace(AWSSessionCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var immutable = new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
        _state = new State(immutable, _timeProvider.GetUtcNow(), Generation + 1);
    }

    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials() =>
        _state?.Credentials ?? throw new InvalidOperationException("The job has no artifact credentials.");

    private sealed record State(ImmutableCredentials Credentials, DateTimeOffset ObtainedAt, int Generation);
}
