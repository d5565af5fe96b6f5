using System.ComponentModel.DataAnnotations;

namespace Baton.Agent.Artifacts;

/// <summary>
/// Settings of the artifact store: how the agent reaches S3 and the safety limits applied to input
/// artifacts. Bound from <c>Baton:Agent:Artifacts</c>, validated at start-up; every setting and its
/// default is documented here.
/// </summary>
public sealed class ArtifactOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "Baton:Agent:Artifacts";

    /// <summary>One mebibyte, the unit of the size defaults.</summary>
    public const long MiB = 1024 * 1024;

    /// <summary>The smallest part S3 accepts for every part of a multipart upload but the last.</summary>
    public const long MinimumPartSize = 5 * MiB;

    /// <summary>
    /// The S3 endpoint, for example the Baton emulator's <c>http://127.0.0.1:4599</c>. Default: none,
    /// which falls back to <c>AWS_ENDPOINT_URL_S3</c>, then <c>AWS_ENDPOINT_URL</c>, then the AWS
    /// endpoint of <see cref="Region"/>.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>
    /// The region requests are signed for. Default: none, which falls back to <c>AWS_REGION</c>,
    /// then <c>AWS_DEFAULT_REGION</c>, then <c>us-east-1</c>.
    /// </summary>
    [RegularExpression("^[a-z]{2}(-[a-z0-9]+)+-[0-9]+$", ErrorMessage = "Region must look like 'us-east-1'.")]
    public string? Region { get; set; }

    /// <summary>
    /// Whether to address buckets in the path (<c>http://host/bucket/key</c>) instead of the host
    /// name. Default: path style when an endpoint is configured (emulators, IP addresses), virtual
    /// host style for AWS.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>
    /// The directory under which each job gets a work directory for downloaded and zipped
    /// artifacts, deleted when the job's step ends. Default: <c>baton-artifacts</c> in the temp directory.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "baton-artifacts");

    /// <summary>The most entries (files and directories) an input artifact may hold. Default: 10,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntryCount { get; set; } = 10_000;

    /// <summary>The most bytes an input artifact may extract to, all entries together. Default: 2 GiB.</summary>
    [Range(1L, long.MaxValue)]
    public long MaxExtractedBytes { get; set; } = 2048 * MiB;

    /// <summary>
    /// The highest uncompressed-to-compressed size ratio of one entry (zip bomb guard), checked once
    /// the entry has extracted more than <see cref="CompressionRatioThreshold"/> bytes. Default: 200.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>
    /// Entries smaller than this are not checked against <see cref="MaxCompressionRatio"/>: small,
    /// highly repetitive files are normal and harmless. Default: 1 MiB.
    /// </summary>
    [Range(0L, long.MaxValue)]
    public long CompressionRatioThreshold { get; set; } = MiB;

    /// <summary>Outputs of at least this many bytes (zipped) are uploaded in parts. Default: 16 MiB.</summary>
    [Range(1L, long.MaxValue)]
    public long MultipartThreshold { get; set; } = 16 * MiB;

    /// <summary>The size of each part of a multipart upload; at least 5 MiB (an S3 rule). Default: 8 MiB.</summary>
    [Range(MinimumPartSize, 5L * 1024 * MiB)]
    public long PartSize { get; set; } = 8 * MiB;

    /// <summary>
    /// How old the job's artifact credentials must be before an <c>AccessDenied</c> from S3 is taken
    /// as a sign they expired and they are re-fetched once. <c>ExpiredToken</c>,
    /// <c>InvalidAccessKeyId</c> and <c>InvalidToken</c> always re-fetch them. Default: 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "12:00:00")]
    public TimeSpan AccessDeniedRefreshAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long aborting a failed or cancelled multipart upload may take. The abort does not use the
    /// job's cancellation token, so a cancelled step leaves no orphaned upload. Default: 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AbortTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
