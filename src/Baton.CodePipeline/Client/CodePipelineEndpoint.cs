namespace Baton.CodePipeline.Client;

/// <summary>
/// Where a <see cref="CodePipelineClient"/> sends its requests: the endpoint URL, the region the
/// requests are signed for, and where each value was found (for diagnostics, for example
/// <c>AWS_ENDPOINT_URL_CODEPIPELINE</c> or <c>profile 'dev' in /home/me/.aws/config</c>).
/// </summary>
/// <param name="Url">The endpoint URL; requests are POSTed to it.</param>
/// <param name="Region">The AWS region used in the SigV4 credential scope.</param>
/// <param name="UrlSource">Where the URL came from.</param>
/// <param name="RegionSource">Where the region came from.</param>
public sealed record CodePipelineEndpoint(Uri Url, string Region, string UrlSource, string RegionSource)
{
    /// <summary>
    /// The public AWS endpoint of CodePipeline in a region:
    /// <c>https://codepipeline.{region}.amazonaws.com</c>, or <c>.amazonaws.com.cn</c> for the
    /// China regions.
    /// </summary>
    /// <param name="region">The region, for example <c>eu-west-1</c>.</param>
    public static Uri DefaultUrl(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{CodePipelineProtocol.SigningName}.{region}.{suffix}/");
    }
}
