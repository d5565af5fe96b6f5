using System.Text.Json;
using Baton.CodePipeline;
using Baton.Emulator.Engine;
using Baton.Emulator.ThirdParty;

namespace Baton.Emulator.Console;

/// <summary>
/// The Connect step of a third-party action, as the AWS console does it:
/// <list type="number">
/// <item>Connect (a console POST) starts the engine's handshake and answers a page whose form POSTs
/// one field, <c>request</c> — the JSON <c>{clientId, clientToken, correlationId, returnUrl, configuration}</c> —
/// to the action type's <c>thirdPartyConfigurationUrl</c>. The console script submits it at once;
/// without JavaScript the user presses Continue. The client token is a secret, so it is only put
/// into this one page, made on request, never into the pipeline page.</item>
/// <item>The partner's page sends the browser back to <c>/console/connect/return</c> (GET or POST) with
/// <c>correlationId</c> and <c>configuration</c> (a JSON object); the pipeline gets a new version and the
/// browser returns to the pipeline page. The one-time correlation id is the check here: the return
/// comes from the partner's origin and cannot carry the console's token.</item>
/// </list>
/// </summary>
internal static class ThirdPartyConnect
{
    public const string ReturnPath = "/connect/return";

    public static void Map(RouteGroupBuilder console, ConsoleSecurity security, ILogger logger)
    {
        console.MapPost("/pipelines/{name}/connect", async (string name, HttpContext http, PipelineEngine engine) =>
        {
            HandshakeStart? start = null;
            var result = await ConsoleCommands.RunAsync(http, security, logger, ConsoleLayout.PipelinePath(name), async form =>
            {
                var returnUrl = new Uri($"{http.Request.Scheme}://{http.Request.Host}{ConsoleLayout.Root}{ReturnPath}");
                var action = ConsoleCommands.Required(form, "action");
                start = await engine.StartThirdPartyHandshakeAsync(name, action, returnUrl, http.RequestAborted).ConfigureAwait(false);
                Log.CommandRun(logger, "Connect", name, action);
            }).ConfigureAwait(false);
            if (start is null)
            {
                return result;
            }

            if (!Html.IsWebUrl(start.ConfigurationUrl))
            {
                return EmulatorConsole.Html(ConsoleLayout.Error("Cannot connect", $"The action type's thirdPartyConfigurationUrl '{start.ConfigurationUrl}' is not an http or https URL.", ConsoleLayout.PipelinePath(name), security.Token), StatusCodes.Status400BadRequest);
            }

            var target = new Uri(start.ConfigurationUrl).GetLeftPart(UriPartial.Authority);
            ConsoleSecurity.AddHeaders(http.Response, target);
            return EmulatorConsole.Html(RenderHandOff(name, start, security.Token));
        });
        console.MapMethods(ReturnPath, [HttpMethods.Get, HttpMethods.Post], async (HttpContext http, PipelineEngine engine) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : null;
            string Field(string field) => (form?[field].FirstOrDefault() ?? http.Request.Query[field].FirstOrDefault()) ?? "";
            Dictionary<string, string>? configuration;
            try
            {
                var text = Field("configuration");
                configuration = text.Length == 0 ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(text);
            }
            catch (JsonException)
            {
                configuration = null;
            }

            if (configuration is null)
            {
                return EmulatorConsole.Html(ConsoleLayout.Error("Cannot connect", "configuration must be a JSON object of string values, for example {\"ProjectId\":\"42\"}.", ConsoleLayout.Root, security.Token), StatusCodes.Status400BadRequest);
            }

            try
            {
                var done = await engine.CompleteThirdPartyHandshakeAsync(Field("correlationId"), configuration, http.RequestAborted).ConfigureAwait(false);
                Log.CommandRun(logger, "Connected", done.PipelineName, done.ActionName);
                http.Response.StatusCode = StatusCodes.Status303SeeOther;
                http.Response.Headers.Location = ConsoleLayout.PipelinePath(done.PipelineName);
                return Results.Empty;
            }
            catch (CodePipelineServiceException error)
            {
                return EmulatorConsole.Html(ConsoleLayout.Error("Cannot connect", error.Message, ConsoleLayout.Root, security.Token), EmulatorConsole.StatusOf(error));
            }
        });
    }

    private static string RenderHandOff(string pipeline, HandshakeStart start, string csrfToken)
    {
        var body = new Html()
            .Raw("<h1>Connect to the partner</h1><p>Continuing to the action type's configuration page: <code>").Text(start.ConfigurationUrl).Raw("</code></p>")
            .Raw("<form method=\"post\" data-autosubmit=\"true\"").Attr("action", start.ConfigurationUrl).Raw(">")
            .Hidden("request", start.Request)
            .Raw("<button type=\"submit\">Continue</button></form>")
            .Raw("<p><a").Attr("href", ConsoleLayout.PipelinePath(pipeline)).Raw(">Cancel</a></p>");
        return ConsoleLayout.Page("Connect", body, csrfToken, "handoff", null);
    }
}
