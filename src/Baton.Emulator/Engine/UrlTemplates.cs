using System.Text.RegularExpressions;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

/// <summary>
/// Fills an action type's URL templates the way the service does: <c>{Config:Name}</c> takes the
/// action's value of a required, non-secret configuration property, and
/// <c>{ExternalExecutionId}</c> the id the job worker reported.
/// </summary>
internal static partial class UrlTemplates
{
    public static string? Fill(string? template, ActionTypeEntity? type, IReadOnlyDictionary<string, string>? configuration, string? externalExecutionId)
    {
        if (string.IsNullOrEmpty(template))
        {
            return null;
        }

        if (template.Contains("{ExternalExecutionId}", StringComparison.Ordinal))
        {
            if (externalExecutionId is null)
            {
                return null;
            }

            template = template.Replace("{ExternalExecutionId}", externalExecutionId, StringComparison.Ordinal);
        }

        return ConfigPlaceholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            var property = type?.Property(name);
            var usable = property is { Required: true, Secret: false };
            return usable && configuration is not null && configuration.TryGetValue(name, out var value) ? value : match.Value;
        });
    }

    public static string? EntityUrl(ActionTypeEntity? type, IReadOnlyDictionary<string, string>? configuration) =>
        Fill(type?.Settings?.EntityUrlTemplate, type, configuration, null);

    public static string? RevisionUrl(ActionTypeEntity? type, IReadOnlyDictionary<string, string>? configuration) =>
        Fill(type?.Settings?.RevisionUrlTemplate, type, configuration, null);

    public static string? ExecutionUrl(ActionTypeEntity? type, IReadOnlyDictionary<string, string>? configuration, string? externalExecutionId) =>
        Fill(type?.Settings?.ExecutionUrlTemplate, type, configuration, externalExecutionId);

    [GeneratedRegex(@"\{Config:([^}]+)\}")]
    private static partial Regex ConfigPlaceholder();
}
