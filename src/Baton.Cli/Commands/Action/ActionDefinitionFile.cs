using System.Text.Json;
using Baton.Cli.Infrastructure;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Validation;

namespace Baton.Cli.Commands.Action;

/// <summary>
/// Reads an action type definition file (CreateCustomActionType's JSON members) and checks it
/// against the CodePipeline model before anything is sent, so a typo is reported with its file,
/// line and position rather than as a service error.
/// </summary>
/// <param name="Json">The file's text, sent as is for third-party registration.</param>
/// <param name="Request">The definition as CreateCustomActionType's request.</param>
internal sealed record ActionDefinitionFile(string Json, CreateCustomActionTypeRequest Request)
{
    /// <exception cref="CliUsageException">The file is missing, unreadable, not JSON, or not a valid definition.</exception>
    public static ActionDefinitionFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"--file: '{path}' does not exist; give the path of a JSON action type definition.");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--file: '{path}' cannot be read: {exception.Message}", exception);
        }

        CreateCustomActionTypeRequest request;
        try
        {
            using (JsonDocument.Parse(json))
            {
                // Syntax first: its errors carry the line and position.
            }

            request = CodePipelineJson.Deserialize<CreateCustomActionTypeRequest>(json);
        }
        catch (JsonException exception)
        {
            throw new CliUsageException(Describe(path, exception), exception);
        }

        var validation = WireValidator.Validate(request);
        if (!validation.IsValid)
        {
            throw new CliUsageException($"{path} is not a valid action type definition: {validation.Message}");
        }

        return new ActionDefinitionFile(json, request);
    }

    private static string Describe(string path, JsonException exception)
    {
        // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; say it plainly instead.
        var reason = exception.Message;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = reason.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                reason = reason[..at];
            }
        }

        var where = exception.LineNumber is { } line
            ? $" at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}"
            : string.Empty;
        var member = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" (member {exception.Path})";
        return $"{path} is not valid JSON{where}{member}: {reason.TrimEnd('.')}.";
    }
}
