using Microsoft.Extensions.Options;

namespace Baton.CodePipeline.Client;

/// <summary>
/// Checks <see cref="CodePipelineClientOptions"/> and names the offending value and what to use
/// instead. Region and endpoint values are checked when they are resolved (they may come from the
/// environment), so only their shape is checked here.
/// </summary>
public sealed class CodePipelineClientOptionsValidator : IValidateOptions<CodePipelineClientOptions>
{
    /// <summary>The largest <see cref="CodePipelineClientOptions.MaxAttempts"/> accepted.</summary>
    public const int MaxAttemptsLimit = 20;

    private static readonly TimeSpan _maxBaseDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan _maxMaxDelay = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CodePipelineClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > MaxAttemptsLimit)
        {
            failures.Add($"CodePipelineClientOptions.MaxAttempts is {options.MaxAttempts}; use a value from 1 (no retries) to {MaxAttemptsLimit}.");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.BaseDelay > _maxBaseDelay)
        {
            failures.Add($"CodePipelineClientOptions.BaseDelay is {options.BaseDelay}; use a value from 00:00:00 to {_maxBaseDelay}.");
        }

        if (options.MaxDelay < options.BaseDelay || options.MaxDelay > _maxMaxDelay)
        {
            failures.Add($"CodePipelineClientOptions.MaxDelay is {options.MaxDelay}; use a value from BaseDelay ({options.BaseDelay}) to {_maxMaxDelay}.");
        }

        if (options.Credentials is not null && options.CredentialsProvider is not null)
        {
            failures.Add("CodePipelineClientOptions sets both Credentials and CredentialsProvider; set only one of them.");
        }

        if (options.Region is not null && string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add("CodePipelineClientOptions.Region is blank; set a region such as 'us-east-1', or leave it null to use AWS_REGION or the shared config file.");
        }

        if (options.EndpointUrl is { IsAbsoluteUri: false })
        {
            failures.Add($"CodePipelineClientOptions.EndpointUrl '{options.EndpointUrl}' is relative; use an absolute URL such as 'http://127.0.0.1:4599'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
