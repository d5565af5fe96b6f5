using System.Security.Cryptography;
using Baton.Cli.Commands;
using Baton.CodePipeline;
using Baton.CodePipeline.Client;

namespace Baton.Cli.Infrastructure;

/// <summary>Creates the CodePipeline client a command talks to.</summary>
public interface ICodePipelineClientFactory
{
    /// <summary>Creates a client for the endpoint, region and profile of <paramref name="settings"/>.</summary>
    /// <param name="settings">The command's AWS options.</param>
    /// <returns>The client; its <see cref="CodePipelineClient.Endpoint"/> says where it sends.</returns>
    /// <exception cref="InvalidOperationException">No region is configured, or an endpoint is malformed.</exception>
    CodePipelineClient Create(AwsSettings settings);

    /// <summary>The HTTP client the CodePipeline clients share (also used for the emulator's admin API).</summary>
    HttpClient Http { get; }
}

/// <summary>
/// The default factory: the options on the command line win, then the AWS environment
/// (<c>AWS_ENDPOINT_URL_CODEPIPELINE</c>, <c>AWS_ENDPOINT_URL</c>, <c>AWS_REGION</c>,
/// <c>AWS_PROFILE</c>, the shared config and credentials files), as the AWS CLI does.
/// </summary>
/// <param name="timeProvider">The clock for signing and retries.</param>
/// <param name="configure">Adjusts the client options last (tests set fixed credentials).</param>
public sealed class CodePipelineClientFactory(TimeProvider timeProvider, Action<CodePipelineClientOptions>? configure = null)
    : ICodePipelineClientFactory, IDisposable
{
    /// <inheritdoc/>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <inheritdoc/>
    public CodePipelineClient Create(AwsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.IsNullOrWhiteSpace(settings.Profile))
        {
            // The client reads the profile the AWS way, from AWS_PROFILE; --profile sets it for this process only.
            Environment.SetEnvironmentVariable("AWS_PROFILE", settings.Profile);
        }

        var options = new CodePipelineClientOptions
        {
            Region = string.IsNullOrWhiteSpace(settings.Region) ? null : settings.Region,
            EndpointUrl = settings.EndpointUri,
        };
        configure?.Invoke(options);
        return new CodePipelineClient(Http, options, timeProvider, Jitter);
    }

    /// <inheritdoc/>
    public void Dispose() => Http.Dispose();

    // Backoff jitter only needs to spread retries; a cryptographic source avoids a shared Random.
    private static double Jitter() => RandomNumberGenerator.GetInt32(1_000_000) / 1_000_000d;
}
