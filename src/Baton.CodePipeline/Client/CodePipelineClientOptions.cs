using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Client;

/// <summary>
/// Settings of <see cref="CodePipelineClient"/>. Every setting is optional: by default the client
/// finds its region, endpoint and credentials the way the AWS CLI does, and retries like the AWS
/// CLI v2's standard mode (3 attempts, full-jitter exponential backoff capped at 20 seconds).
/// </summary>
public sealed class CodePipelineClientOptions
{
    /// <summary>
    /// The AWS region to sign requests for (for example <c>us-east-1</c>). Default: null, which
    /// means <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the <c>region</c> of the
    /// selected profile (<c>AWS_PROFILE</c>, or <c>default</c>) in the shared config file
    /// (<c>AWS_CONFIG_FILE</c>, or <c>~/.aws/config</c>). A region is required, also with an
    /// explicit endpoint (the emulator accepts any region).
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// The endpoint to send requests to, for example the emulator's <c>http://127.0.0.1:4599</c>.
    /// Default: null, which means <c>AWS_ENDPOINT_URL_CODEPIPELINE</c>, then
    /// <c>AWS_ENDPOINT_URL</c>, then the profile's <c>services</c> section
    /// (<c>codepipeline = </c> / <c>  endpoint_url = ...</c>), then the profile's
    /// <c>endpoint_url</c>, otherwise <c>https://codepipeline.{region}.amazonaws.com</c>
    /// (<c>.amazonaws.com.cn</c> in China regions). Must be an absolute http or https URL.
    /// </summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary>
    /// How many times one call is tried in all, the first attempt included (1 disables retries).
    /// Default: 3, as in the AWS CLI v2's standard retry mode. Range 1–20.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// The backoff base: before retry <c>n</c> (1-based) the client waits a random fraction of
    /// <c>min(MaxDelay, BaseDelay × 2^(n−1))</c> ("full jitter"). Default: 1 second, the base of
    /// the AWS SDKs' standard retry mode. Range 0–1 minute.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The cap of one backoff wait before jitter. Default: 20 seconds, as in the AWS SDKs'
    /// standard retry mode. Must be at least <see cref="BaseDelay"/> and at most 5 minutes.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Fixed credentials, used instead of the default AWS credentials chain. Default: null.
    /// Set at most one of <see cref="Credentials"/> and <see cref="CredentialsProvider"/>.
    /// </summary>
    public AwsCredentials? Credentials { get; set; }

    /// <summary>
    /// A source of credentials asked before every attempt (so rotated credentials are picked up),
    /// used instead of the default AWS credentials chain. Default: null, which means the AWS SDK's
    /// default chain: environment variables, the shared credentials and config files (profile
    /// <c>AWS_PROFILE</c>), web identity, ECS container credentials and EC2 instance metadata.
    /// </summary>
    public Func<CancellationToken, ValueTask<AwsCredentials>>? CredentialsProvider { get; set; }
}
