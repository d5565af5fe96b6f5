using Baton.Agent.Continuation;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Options;

/// <summary>
/// The cross-field rules of <see cref="AgentOptions"/> that data annotations cannot state: keys
/// decode to 32 bytes, ids are unique, the current key exists, client tokens are set.
/// </summary>
public sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var keys = options.Continuation.Keys;
        var seen = new HashSet<int>();
        foreach (var key in keys)
        {
            if (key.Id is < 1 or > 255)
            {
                failures.Add($"Baton:Agent:Continuation:Keys: key id {key.Id} is out of range; use 1–255.");
                continue;
            }

            if (!seen.Add(key.Id))
            {
                failures.Add($"Baton:Agent:Continuation:Keys: key id {key.Id} appears twice; key ids must be unique.");
            }

            try
            {
                _ = ContinuationKey.FromBase64((byte)key.Id, key.Key ?? string.Empty);
            }
            catch (FormatException ex)
            {
                failures.Add("Baton:Agent:Continuation:Keys: " + ex.Message);
            }
        }

        if (options.Continuation.CurrentKeyId is { } current && !seen.Contains(current))
        {
            failures.Add(keys.Count == 0
                ? $"Baton:Agent:Continuation:CurrentKeyId is {current}, but no keys are configured."
                : $"Baton:Agent:Continuation:CurrentKeyId is {current}, which is not among the configured key ids ({string.Join(", ", seen.Order())}).");
        }

        foreach (var (clientId, token) in options.ClientTokens)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                failures.Add($"Baton:Agent:ClientTokens:{clientId} is empty; set the client token CodePipeline issued for that client id.");
            }
            else if (token.Length > 256)
            {
                failures.Add($"Baton:Agent:ClientTokens:{clientId} is {token.Length} characters; a client token is at most 256.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
