using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Baton.Cli.Infrastructure;
using Baton.CodePipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Action;

/// <summary>
/// <c>baton action register --file def.json</c>: CreateCustomActionType from the file; with
/// <c>--third-party</c>, posts the same definition to the emulator's admin API to register a
/// partner action type (AWS itself registers partner types only through its partner program).
/// </summary>
/// <param name="console">Where the result goes.</param>
/// <param name="clients">Creates the CodePipeline client and holds the HTTP client.</param>
public sealed class ActionRegisterCommand(IAnsiConsole console, ICodePipelineClientFactory clients) : AsyncCommand<ActionRegisterSettings>
{
    /// <summary>The emulator's admin path for partner action types.</summary>
    public const string ThirdPartyPath = "_baton/third-party-action-types";

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, ActionRegisterSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var definition = ActionDefinitionFile.Load(settings.File!);
        var id = $"{definition.Request.Category}/{(settings.ThirdParty ? "ThirdParty" : "Custom")}/{definition.Request.Provider}/{definition.Request.Version}";
        if (settings.ThirdParty)
        {
            var endpoint = settings.EndpointUri ?? clients.Create(settings).Endpoint.Url;
            await PostThirdPartyAsync(endpoint, definition.Json, cancellationToken);
        }
        else
        {
            await clients.Create(settings).CreateCustomActionTypeAsync(definition.Request, cancellationToken);
        }

        console.MarkupLineInterpolated($"Registered action type [bold]{id}[/].");
        return ExitCodes.Success;
    }

    private async Task PostThirdPartyAsync(Uri endpoint, string json, CancellationToken cancellationToken)
    {
        var url = new Uri(new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/"), ThirdPartyPath);
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await clients.Http.PostAsync(url, content, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, message) = ReadError(body);
        throw new CodePipelineServiceException(
            code ?? $"HTTP{(int)response.StatusCode}",
            message ?? $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}; is {endpoint} a Baton emulator?",
            response.StatusCode,
            null);
    }

    private static (string? Code, string? Message) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? (null, null) : (
                root.TryGetProperty("__type", out var type) ? type.GetString() : null,
                root.TryGetProperty("message", out var message) ? message.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
