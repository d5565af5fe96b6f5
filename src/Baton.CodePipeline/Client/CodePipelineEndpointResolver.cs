using System.Text.RegularExpressions;

namespace Baton.CodePipeline.Client;

/// <summary>
/// Finds the region and endpoint the way AWS tools do (see the AWS SDKs and Tools reference,
/// "Service-specific endpoints" and "AWS Region").
/// Region: the option; <c>AWS_REGION</c>; <c>AWS_DEFAULT_REGION</c>; the profile's
/// <c>region</c> in the shared config file.
/// Endpoint: the option; <c>AWS_ENDPOINT_URL_CODEPIPELINE</c>; <c>AWS_ENDPOINT_URL</c>; the
/// profile's <c>services</c> section (<c>codepipeline = / endpoint_url = ...</c>); the profile's
/// <c>endpoint_url</c>; otherwise the public AWS endpoint of the region. Configured endpoints
/// (everything but the option) are skipped when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> or
/// the profile's <c>ignore_configured_endpoint_urls</c> is true.
/// </summary>
internal static partial class CodePipelineEndpointResolver
{
    private const string ServiceKey = "codepipeline";

    /// <summary>Resolves the endpoint; throws <see cref="InvalidOperationException"/> with what to fix.</summary>
    public static CodePipelineEndpoint Resolve(CodePipelineClientOptions options, IAwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var config = SharedConfigSource.Load(environment);
        var (region, regionSource) = ResolveRegion(options, environment, config);
        var (url, urlSource) = ResolveUrl(options, environment, config, region);
        return new CodePipelineEndpoint(url, region, urlSource, regionSource);
    }

    private static (string Region, string Source) ResolveRegion(
        CodePipelineClientOptions options, IAwsEnvironment environment, SharedConfigSource config)
    {
        (string? Value, string Source)[] candidates =
        [
            (options.Region, "CodePipelineClientOptions.Region"),
            (environment.GetVariable("AWS_REGION"), "AWS_REGION"),
            (environment.GetVariable("AWS_DEFAULT_REGION"), "AWS_DEFAULT_REGION"),
            (config.Profile?.Get("region"), config.ProfileDescription),
        ];
        foreach (var (value, source) in candidates)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var region = value.Trim();
            if (!RegionName().IsMatch(region))
            {
                throw new InvalidOperationException(
                    $"The AWS region '{region}' (from {source}) is not a valid region name; use a name such as 'us-east-1'.");
            }

            return (region, source);
        }

        throw new InvalidOperationException(MissingRegionMessage(config));
    }

    private static (Uri Url, string Source) ResolveUrl(
        CodePipelineClientOptions options, IAwsEnvironment environment, SharedConfigSource config, string region)
    {
        if (options.EndpointUrl is not null)
        {
            return (CheckUrl(options.EndpointUrl.OriginalString, "CodePipelineClientOptions.EndpointUrl"),
                "CodePipelineClientOptions.EndpointUrl");
        }

        if (!IgnoreConfiguredEndpoints(environment, config))
        {
            var servicesName = config.Profile?.Get("services");
            (string? Value, string Source)[] candidates =
            [
                (environment.GetVariable("AWS_ENDPOINT_URL_CODEPIPELINE"), "AWS_ENDPOINT_URL_CODEPIPELINE"),
                (environment.GetVariable("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL"),
                (servicesName is null ? null : config.File.Services(servicesName)?.GetSubProperty(ServiceKey, "endpoint_url"),
                    $"[services {servicesName}] in {config.Path}"),
                (config.Profile?.Get("endpoint_url"), config.ProfileDescription),
            ];
            foreach (var (value, source) in candidates)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return (CheckUrl(value.Trim(), source), source);
                }
            }
        }

        return (CodePipelineEndpoint.DefaultUrl(region), $"the AWS endpoint of {region}");
    }

    private static bool IgnoreConfiguredEndpoints(IAwsEnvironment environment, SharedConfigSource config)
    {
        var flag = environment.GetVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            ?? config.Profile?.Get("ignore_configured_endpoint_urls");
        return string.Equals(flag?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }

    private static Uri CheckUrl(string value, string source)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"The CodePipeline endpoint '{value}' (from {source}) is not an absolute http or https URL; use a URL such as 'http://127.0.0.1:4599'.");
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new InvalidOperationException(
                $"The CodePipeline endpoint '{value}' (from {source}) must not have a query or fragment; use only scheme, host, port and path.");
        }

        return url;
    }

    private static string MissingRegionMessage(SharedConfigSource config)
    {
        var profileNote = config.Profile is null && config.ProfileName != "default"
            ? $" (the profile '{config.ProfileName}' named by AWS_PROFILE was not found in {config.Path})"
            : string.Empty;
        return "No AWS region is configured for CodePipeline. Set CodePipelineClientOptions.Region, "
            + "the AWS_REGION environment variable (for example AWS_REGION=us-east-1), or 'region' in the "
            + $"{config.SectionHeader} section of {config.Path}{profileNote}.";
    }

    // Region names are DNS labels: lowercase letters, digits and dashes ("us-gov-west-1").
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionName();
}
