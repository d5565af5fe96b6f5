namespace Baton.Agent.Artifacts;

/// <summary>
/// Where the artifact store is and which region signs for it, following the AWS conventions:
/// configuration first, then <c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_ENDPOINT_URL</c>, and for the
/// region <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>. Pointing the agent at the Baton emulator
/// is configuration, never a code path.
/// </summary>
/// <param name="ServiceUrl">The custom endpoint, or <see langword="null"/> for AWS.</param>
/// <param name="Region">The signing region.</param>
/// <param name="ForcePathStyle">Whether buckets go in the path.</param>
internal sealed record S3Endpoint(Uri? ServiceUrl, string Region, bool ForcePathStyle)
{
    public const string DefaultRegion = "us-east-1";

    public static S3Endpoint Resolve(ArtifactOptions options, Func<string, string?> environment)
    {
        var serviceUrl = options.ServiceUrl
            ?? Parse(environment("AWS_ENDPOINT_URL_S3"))
            ?? Parse(environment("AWS_ENDPOINT_URL"));
        var region = FirstSet(options.Region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION")) ?? DefaultRegion;
        return new S3Endpoint(serviceUrl, region, options.ForcePathStyle ?? serviceUrl is not null);
    }

    private static Uri? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new ArtifactException(ArtifactFailureReason.TransferFailed, string.Empty,
            $"The S3 endpoint '{value}' from the environment is not an absolute http:// or https:// URL.");

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
