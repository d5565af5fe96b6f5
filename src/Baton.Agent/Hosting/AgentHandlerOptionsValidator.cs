using System.Text.RegularExpressions;
using Baton.Agent.Jobs;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Hosting;

/// <summary>
/// Checks the handler registrations at start: at least one handler, well-formed action type ids
/// registered once each, concurrency in range, and a <c>queryParam</c> that CodePipeline accepts.
/// </summary>
internal sealed partial class AgentHandlerOptionsValidator : IValidateOptions<AgentHandlerOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentHandlerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Handlers.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "No job handler is registered, so the agent has nothing to poll. Register one per action type: "
                + "services.AddBatonAgent(...).AddHandler<MyHandler>(\"Test/ThirdParty/BatonLoadTest/1\").");
        }

        var failures = new List<string>();
        var seen = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var registration in options.Handlers)
        {
            if (!ActionTypeIds.TryParse(registration.ActionType, out var id, out var error))
            {
                failures.Add($"AddHandler<{registration.HandlerType.Name}>: {error}");
                continue;
            }

            var actionType = ActionTypeIds.Format(id);
            if (!seen.TryAdd(actionType, registration.HandlerType))
            {
                failures.Add($"{actionType} has two handlers ({seen[actionType].Name} and {registration.HandlerType.Name}); register one handler per action type.");
            }

            ValidateSettings(actionType, id.Owner, registration.Options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSettings(string actionType, string owner, HandlerOptions options, List<string> failures)
    {
        if (options.MaxConcurrency is < 1 or > HandlerOptions.MaxConcurrencyLimit)
        {
            failures.Add($"{actionType}: MaxConcurrency is {options.MaxConcurrency}; use 1–{HandlerOptions.MaxConcurrencyLimit} (jobs of this action type running at once).");
        }

        var queryParam = options.QueryParam;
        if (queryParam.Count == 0)
        {
            return;
        }

        if (owner != "Custom")
        {
            failures.Add($"{actionType}: QueryParam is set, but only custom action types can be polled with a queryParam (PollForThirdPartyJobs has none). Remove it.");
            return;
        }

        if (queryParam.Count > 1)
        {
            failures.Add($"{actionType}: QueryParam has {queryParam.Count} entries ({string.Join(", ", queryParam.Keys)}); CodePipeline accepts one, the action type's queryable property.");
        }

        foreach (var (key, value) in queryParam)
        {
            if (key.Length is < 1 or > 50)
            {
                failures.Add($"{actionType}: QueryParam key '{key}' must be 1–50 characters.");
            }

            if (value.Length is < 1 or > 50 || !ValuePattern().IsMatch(value))
            {
                failures.Add($"{actionType}: QueryParam {key} = '{value}' must be 1–50 characters of A–Z, a–z, 0–9, _ and -.");
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ValuePattern();
}
