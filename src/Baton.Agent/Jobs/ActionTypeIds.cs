using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Jobs;

/// <summary>
/// Action type ids as text, <c>Category/Owner/Provider/Version</c> (for example
/// <c>Test/ThirdParty/BatonLoadTest/1</c>), checked against the CodePipeline model's constraints.
/// Only the owners a job agent can poll are accepted: <c>Custom</c> and <c>ThirdParty</c>.
/// </summary>
public static partial class ActionTypeIds
{
    /// <summary>The categories the model allows.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute"];

    /// <summary>Formats an action type id as <c>Category/Owner/Provider/Version</c>.</summary>
    /// <param name="id">The action type id.</param>
    public static string Format(ActionTypeId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return $"{id.Category}/{id.Owner}/{id.Provider}/{id.Version}";
    }

    /// <summary>Parses <c>Category/Owner/Provider/Version</c>.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a pollable action type id; the message says what to fix.</exception>
    public static ActionTypeId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Parses <c>Category/Owner/Provider/Version</c>, or says what is wrong with it.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The action type id, when valid.</param>
    /// <param name="error">What to fix, when not.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ActionTypeId? id, [NotNullWhen(false)] out string? error)
    {
        id = null;
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 4 || parts.Any(string.IsNullOrWhiteSpace))
        {
            error = $"'{text}' is not an action type id; use Category/Owner/Provider/Version, e.g. Test/ThirdParty/BatonLoadTest/1.";
            return false;
        }

        var (category, owner, provider, version) = (parts[0], parts[1], parts[2], parts[3]);
        error = !Categories.Contains(category, StringComparer.Ordinal)
            ? $"'{text}': category '{category}' is not one of {string.Join(", ", Categories)}."
            : owner is not ("Custom" or "ThirdParty")
                ? $"'{text}': owner '{owner}' cannot be polled by a job agent; use Custom or ThirdParty (AWS-owned actions are run by AWS)."
                : !IsName(provider, 35)
                    ? $"'{text}': provider '{provider}' must be 1–35 characters of A–Z, a–z, 0–9, _ and -."
                    : !IsName(version, 9)
                        ? $"'{text}': version '{version}' must be 1–9 characters of A–Z, a–z, 0–9, _ and -."
                        : null;
        if (error is not null)
        {
            return false;
        }

        id = new ActionTypeId { Category = category, Owner = owner, Provider = provider, Version = version };
        return true;
    }

    private static bool IsName(string value, int maxLength) => value.Length <= maxLength && NamePattern().IsMatch(value);

    [GeneratedRegex("^[0-9A-Za-z_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
