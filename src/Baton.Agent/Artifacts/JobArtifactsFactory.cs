using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Artifacts;

/// <summary>
/// Creates the <see cref="JobArtifacts"/> of each job from its job data. One instance serves the
/// whole agent; nothing touches S3 or the disk until a handler uses an artifact.
/// </summary>
public sealed class JobArtifactsFactory
{
    private readonly ArtifactOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The artifact store settings.</param>
    /// <param name="timeProvider">The clock (credential age, abort timeout).</param>
    /// <param name="logger">The artifact store's logger.</param>
    public JobArtifactsFactory(IOptions<ArtifactOptions> options, TimeProvider timeProvider, ILogger<JobArtifactsFactory> logger)
        : this(options, timeProvider, logger, Environment.GetEnvironmentVariable)
    {
    }

    internal JobArtifactsFactory(IOptions<ArtifactOptions> options, TimeProvider timeProvider, ILogger logger, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _environment = environment;
    }

    /// <summary>The artifacts of a custom action job.</summary>
    /// <param name="jobId">The job id (names the job's work directory).</param>
    /// <param name="data">The job data from PollForJobs or GetJobDetails.</param>
    /// <param name="refreshCredentials">
    /// Re-fetches the job's artifact credentials (GetJobDetails) when S3 says they expired;
    /// <see langword="null"/> to fail instead.
    /// </param>
    public JobArtifacts Create(string jobId, JobData data, Func<CancellationToken, Task<AWSSessionCredentials>>? refreshCredentials = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(jobId, data.InputArtifacts, data.OutputArtifacts, data.ArtifactCredentials, data.EncryptionKey, refreshCredentials);
    }

    /// <summary>The artifacts of a third-party action job.</summary>
    /// <param name="jobId">The job id (names the job's work directory).</param>
    /// <param name="data">The job data from GetThirdPartyJobDetails.</param>
    /// <param name="refreshCredentials">
    /// Re-fetches the job's artifact credentials (GetThirdPartyJobDetails) when S3 says they
    /// expired; <see langword="null"/> to fail instead.
    /// </param>
    public JobArtifacts Create(string jobId, ThirdPartyJobData data, Func<CancellationToken, Task<AWSSessionCredentials>>? refreshCredentials = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Create(jobId, data.InputArtifacts, data.OutputArtifacts, data.ArtifactCredentials, data.EncryptionKey, refreshCredentials);
    }

    private JobArtifacts Create(
        string jobId,
        IReadOnlyList<Artifact>? inputs,
        IReadOnlyList<Artifact>? outputs,
        AWSSessionCredentials? credentials,
        EncryptionKey? encryptionKey,
        Func<CancellationToken, Task<AWSSessionCredentials>>? refreshCredentials)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var workDirectory = Path.Combine(Path.GetFullPath(_options.WorkDirectory), JobArtifactSession.SafeFileName(jobId));
        var endpoint = new Lazy<S3Endpoint>(() => S3Endpoint.Resolve(_options, _environment));
        var s3 = new ArtifactS3Client(_options, endpoint, new JobArtifactCredentials(credentials, _timeProvider), refreshCredentials, _logger);
        var session = new JobArtifactSession(
            workDirectory, s3, new OutputUploader(s3, _options, encryptionKey, _timeProvider, _logger), new SafeZipExtractor(_options), _logger);
        return new JobArtifacts(Locations(inputs), Locations(outputs), session);
    }

    private static JobArtifact[] Locations(IReadOnlyList<Artifact>? artifacts) =>
    [
        .. (artifacts ?? [])
            .Where(a => a.Name is not null && a.Location?.S3Location is not null)
            .Select(a => new JobArtifact(a.Name!, a.Location!.S3Location!.BucketName, a.Location.S3Location.ObjectKey, a.Revision)),
    ];
}
