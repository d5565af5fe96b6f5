namespace Baton.CodePipeline.Signing;

/// <summary>What a server expects of the signatures it verifies.</summary>
public sealed record SigV4VerifierOptions
{
    /// <summary>The default allowed difference between the request time and now (AWS allows 15 minutes).</summary>
    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>The signing name the credential scope must carry, for example <c>codepipeline</c> or <c>s3</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The region the credential scope must carry; null accepts any region.</summary>
    public string? Region { get; init; }

    /// <summary>The service's canonical request rules; <see cref="SigV4SigningOptions.Default"/> unless S3.</summary>
    public SigV4SigningOptions Signing { get; init; } = SigV4SigningOptions.Default;

    /// <summary>How far the request time may be from now, either way.</summary>
    public TimeSpan MaxClockSkew { get; init; } = DefaultMaxClockSkew;

    /// <summary>Options for a JSON-protocol service such as CodePipeline.</summary>
    /// <param name="service">The signing name.</param>
    /// <param name="region">The expected region, or null for any.</param>
    public static SigV4VerifierOptions ForService(string service, string? region) => new() { Service = service, Region = region };

    /// <summary>Options for S3 (no path normalisation, single encoding).</summary>
    /// <param name="region">The expected region, or null for any.</param>
    public static SigV4VerifierOptions ForS3(string? region) =>
        new() { Service = "s3", Region = region, Signing = SigV4SigningOptions.S3 };
}
