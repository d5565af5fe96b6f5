using Baton.CodePipeline.Signing;

namespace Baton.Emulator.S3;

/// <summary>
/// Settings of the emulated S3 API. Every setting has a default that suits a single-user
/// emulator on a developer machine.
/// </summary>
public sealed class S3EmulatorOptions
{
    /// <summary>The default smallest size of every part but the last of a multipart upload (5 MiB, as in S3).</summary>
    public const long DefaultMinimumPartSize = 5L * 1024 * 1024;

    /// <summary>
    /// Directory that holds buckets, objects and multipart parts. <see langword="null"/> keeps
    /// everything in memory (nothing survives a restart).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Whether requests must carry a valid SigV4 signature (header or presigned query).
    /// Off by default: any credentials are accepted and the claimed access key id is passed to
    /// the authorizer as unverified.
    /// </summary>
    public bool VerifySignatures { get; set; }

    /// <summary>
    /// Looks up the credentials (secret key, and session token of temporary credentials such as a
    /// job's artifact credentials) of an access key id when <see cref="VerifySignatures"/> is on;
    /// returns <see langword="null"/> for an unknown key (answered with <c>InvalidAccessKeyId</c>).
    /// </summary>
    public Func<string, AwsCredentials?>? CredentialsLookup { get; set; }

    /// <summary>How far a signed request time may be from the emulator's clock, either way (15 minutes, as in AWS).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The region reported by <c>GetBucketLocation</c> and expected in signatures.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The largest object (or part) body accepted, in bytes; 5 GiB as in S3.</summary>
    public long MaxObjectSize { get; set; } = 5L * 1024 * 1024 * 1024;

    /// <summary>The smallest size of every part but the last of a multipart upload.</summary>
    public long MinimumPartSize { get; set; } = DefaultMinimumPartSize;
}
