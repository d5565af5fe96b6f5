using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Client;

/// <summary>
/// Where the client gets the credentials it signs each attempt with: the options' fixed
/// credentials or provider, or else the AWS SDK's default credentials chain.
/// </summary>
internal static class CredentialsSource
{
    // One chain per process, as AWS SDK clients share it: it caches what it resolved and
    // refreshes temporary credentials (container, instance metadata, SSO) before they expire.
    private static readonly Lazy<DefaultAWSCredentialsIdentityResolver> _defaultChain = new(() => new());

    /// <summary>Chooses the credentials source the options ask for.</summary>
    public static Func<CancellationToken, ValueTask<AwsCredentials>> For(CodePipelineClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CredentialsProvider is { } provider)
        {
            return provider;
        }

        if (options.Credentials is { } fixedCredentials)
        {
            return _ => ValueTask.FromResult(fixedCredentials);
        }

        return FromDefaultChainAsync;
    }

    /// <summary>Maps the AWS SDK's credentials to the signer's.</summary>
    public static AwsCredentials ToSigningCredentials(ImmutableCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return new AwsCredentials(
            credentials.AccessKey,
            credentials.SecretKey,
            string.IsNullOrEmpty(credentials.Token) ? null : credentials.Token);
    }

    private static async ValueTask<AwsCredentials> FromDefaultChainAsync(CancellationToken cancellationToken)
    {
        AWSCredentials identity;
        try
        {
            identity = await _defaultChain.Value.ResolveIdentityAsync(null, cancellationToken);
        }
        catch (AmazonClientException exception)
        {
            throw new InvalidOperationException(
                "No AWS credentials were found for CodePipeline. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "configure a profile (AWS_PROFILE) in the shared credentials or config file, run where container or "
                + "instance credentials are available, or set CodePipelineClientOptions.Credentials. "
                + exception.Message,
                exception);
        }

        return ToSigningCredentials(await identity.GetCredentialsAsync());
    }
}
