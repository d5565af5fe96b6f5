using System.Text.RegularExpressions;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

/// <summary>
/// Resolves <c>#{Namespace.Variable}</c> references in an action's configuration: output variables
/// of earlier actions (by their namespace), pipeline variables (<c>#{variables.name}</c>) and the
/// <c>codepipeline</c> namespace (<c>PipelineExecutionId</c>).
/// </summary>
internal static partial class VariableResolver
{
    /// <summary>Returns the resolved configuration, or the reference that cannot be resolved.</summary>
    public static (Dictionary<string, string>? Resolved, string? Error) Resolve(IReadOnlyDictionary<string, string> configuration, ExecutionEntity execution)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in configuration)
        {
            string? error = null;
            var text = Reference().Replace(value, match =>
            {
                var space = match.Groups[1].Value;
                var name = match.Groups[2].Value;
                var found = Lookup(execution, space, name);
                if (found is null)
                {
                    error ??= $"Unable to resolve the variable #{{{space}.{name}}} in configuration '{key}': no action in this execution produced it (check the namespace and that the action ran before this one).";
                    return match.Value;
                }

                return found;
            });
            if (error is not null)
            {
                return (null, error);
            }

            resolved[key] = text;
        }

        return (resolved, null);
    }

    private static string? Lookup(ExecutionEntity execution, string space, string name)
    {
        if (space == "variables")
        {
            return execution.Variables.GetValueOrDefault(name);
        }

        if (space == "codepipeline")
        {
            return name == "PipelineExecutionId" ? execution.Id : null;
        }

        return execution.Namespaces.TryGetValue(space, out var variables) ? variables.GetValueOrDefault(name) : null;
    }

    [GeneratedRegex(@"#\{([A-Za-z0-9@\-_]+)\.([A-Za-z0-9@\-_]+)\}")]
    private static partial Regex Reference();
}
