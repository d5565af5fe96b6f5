using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands;

/// <summary>
/// The options every command that talks to CodePipeline shares. Each may also come from the AWS
/// environment, exactly as for the AWS CLI: <c>AWS_ENDPOINT_URL_CODEPIPELINE</c> /
/// <c>AWS_ENDPOINT_URL</c>, <c>AWS_REGION</c> / <c>AWS_DEFAULT_REGION</c>, <c>AWS_PROFILE</c>, and
/// credentials from <c>AWS_ACCESS_KEY_ID</c> / <c>AWS_SECRET_ACCESS_KEY</c> or the profile.
/// </summary>
public class AwsSettings : CommandSettings
{
    /// <summary>The CodePipeline endpoint, e.g. the emulator's <c>http://127.0.0.1:4599</c>.</summary>
    [CommandOption("--endpoint-url <URL>")]
    [Description("CodePipeline endpoint, e.g. the emulator's http://127.0.0.1:4599 (default: AWS_ENDPOINT_URL_CODEPIPELINE, AWS_ENDPOINT_URL, the profile, then AWS)")]
    public string? EndpointUrl { get; set; }

    /// <summary>The AWS region to sign for.</summary>
    [CommandOption("--region <REGION>")]
    [Description("AWS region, e.g. us-east-1 (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region)")]
    public string? Region { get; set; }

    /// <summary>The profile of the shared config and credentials files.</summary>
    [CommandOption("--profile <NAME>")]
    [Description("Profile in ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE, then 'default')")]
    public string? Profile { get; set; }

    /// <summary>The endpoint as a URI, once validated.</summary>
    public Uri? EndpointUri => EndpointUrl is null ? null : new Uri(EndpointUrl, UriKind.Absolute);

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (EndpointUrl is not null
            && (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            return ValidationResult.Error($"--endpoint-url: '{EndpointUrl}' is not an absolute http or https URL; use e.g. http://127.0.0.1:4599.");
        }

        return ValidationResult.Success();
    }
}
