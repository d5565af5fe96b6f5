using Baton.Agent.Continuation;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Options;

/// <summary>
/// The rules of <see cref="AgentOptions"/> that data annotations cannot state (or cannot state with
/// the offending value): keys decode to 32 bytes, ids are unique, the current key exists, client
/// tokens are set, and the polling and drain times are in range and in order.
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

        ValidateTiming(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateTiming(AgentOptions options, List<string> failures)
    {
        var polling = options.Polling;
        CheckRange(failures, "Baton:Agent:DrainTimeout", options.DrainTimeout, TimeSpan.Zero, TimeSpan.FromHours(1));
        CheckRange(failures, "Baton:Agent:Polling:IdlePollStart", polling.IdlePollStart, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        CheckRange(failures, "Baton:Agent:Polling:IdlePollInterval", polling.IdlePollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        CheckRange(failures, "Baton:Agent:Polling:ErrorBackoffStart", polling.ErrorBackoffStart, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(30));
        CheckRange(failures, "Baton:Agent:Polling:ErrorBackoffMax", polling.ErrorBackoffMax, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(30));
        if (polling.IdlePollStart > polling.IdlePollInterval)
        {
            failures.Add($"Baton:Agent:Polling:IdlePollStart is {polling.IdlePollStart}, more than IdlePollInterval ({polling.IdlePollInterval}); the first idle wait must not exceed the longest.");
        }

        if (polling.ErrorBackoffStart > polling.ErrorBackoffMax)
        {
            failures.Add($"Baton:Agent:Polling:ErrorBackoffStart is {polling.ErrorBackoffStart}, more than ErrorBackoffMax ({polling.ErrorBackoffMax}); the first error wait must not exceed the longest.");
        }

        if (polling.UnhealthyAfterFailedPolls is < 1 or > 1000)
        {
            failures.Add($"Baton:Agent:Polling:UnhealthyAfterFailedPolls is {polling.UnhealthyAfterFailedPolls}; use 1–1000.");
        }

        if (polling.UnhealthyWithoutPollFor <= polling.IdlePollInterval)
        {
            failures.Add($"Baton:Agent:Polling:UnhealthyWithoutPollFor is {polling.UnhealthyWithoutPollFor}, not more than IdlePollInterval ({polling.IdlePollInterval}); an idle agent would look unhealthy. Make it longer.");
        }
    }

    private static void CheckRange(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} is {value}; use {min} – {max}.");
        }
    }
}
