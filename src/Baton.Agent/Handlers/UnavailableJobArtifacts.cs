namespace Baton.Agent.Handlers;

/// <summary>The <see cref="IJobArtifacts"/> of an agent that has no artifact store configured.</summary>
internal sealed class UnavailableJobArtifacts : IJobArtifacts
{
    public static UnavailableJobArtifacts Instance { get; } = new();

    public ValueTask DownloadAsync(JobArtifact artifact, string destinationDirectory, CancellationToken cancellationToken) =>
        throw NotConfigured();

    public ValueTask UploadAsync(JobArtifact artifact, string sourceDirectory, CancellationToken cancellationToken) =>
        throw NotConfigured();

    private static NotSupportedException NotConfigured() =>
        new("This Baton agent has no artifact store configured, so the handler cannot download or upload artifacts.");
}
