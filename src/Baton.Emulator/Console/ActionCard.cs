using System.Globalization;

namespace Baton.Emulator.Console;

/// <summary>
/// One action on the pipeline page: status, summary, progress bar, Details link (the filled
/// executionUrlTemplate, once the job worker has reported an external execution id), entity link,
/// error, the approve/reject form of a waiting manual approval, and Connect for a third-party
/// action. Each part has a fixed slot (<c>data-field</c>) that the page script updates in place.
/// </summary>
internal static class ActionCard
{
    public static void Render(Html html, string pipeline, string stage, ActionView action, string csrfToken)
    {
        html.Raw("<li class=\"action\"").Attr("data-action", action.Name).Raw(">")
            .Raw("<div class=\"action-head\"><h3>").Text(action.Name).Raw("</h3>").Element("span", "type", action.TypeLabel).Raw("</div>")
            .Status(action.Status)
            .Raw("<p class=\"summary\" data-field=\"summary\"").Raw(action.Summary is null ? " hidden" : "").Raw(">").Text(action.Summary).Raw("</p>");
        Progress(html, action.PercentComplete);
        html.Raw("<div class=\"links\"><span class=\"slot\" data-field=\"details-slot\"").Attr("data-url", action.ExternalExecutionUrl ?? "").Raw(">")
            .Link(action.ExternalExecutionUrl, "Details", "details")
            .Raw("</span><span class=\"slot\" data-field=\"entity-slot\"").Attr("data-url", action.EntityUrl ?? "").Raw(">")
            .Link(action.EntityUrl, "Open resource", "entity")
            .Raw("</span></div>")
            .Raw("<p class=\"error\" data-field=\"error\"").Raw(action.Error is null ? " hidden" : "").Raw(">").Text(action.Error).Raw("</p>")
            .Raw("<div class=\"slot\" data-field=\"approval\">");
        if (action.ApprovalToken is { } token)
        {
            ApprovalForm(html, pipeline, stage, action.Name, token, csrfToken);
        }

        html.Raw("</div>");
        if (action.Connectable)
        {
            html.Raw("<form class=\"inline\" method=\"post\"").Attr("action", ConsoleLayout.PipelinePath(pipeline) + "/connect").Raw(">")
                .CsrfField(csrfToken).Hidden("action", action.Name)
                .Raw("<button type=\"submit\" data-command=\"connect\">Connect</button></form>");
        }

        html.Raw("</li>");
    }

    private static void Progress(Html html, int? percent)
    {
        var value = Math.Clamp(percent ?? 0, 0, 100).ToString(CultureInfo.InvariantCulture);
        html.Raw("<div class=\"progress\" data-field=\"progress\"").Attr("data-percent", percent is null ? "" : value).Raw(percent is null ? " hidden" : "").Raw(">")
            .Raw("<progress max=\"100\"").Attr("value", value).Raw("></progress> ")
            .Raw("<span data-field=\"percent\">").Text(value + "%").Raw("</span></div>");
    }

    private static void ApprovalForm(Html html, string pipeline, string stage, string action, string token, string csrfToken) =>
        html.Raw("<form class=\"approval\" method=\"post\"").Attr("action", ConsoleLayout.PipelinePath(pipeline) + "/approve").Raw(">")
            .CsrfField(csrfToken).Hidden("stage", stage).Hidden("action", action).Hidden("token", token)
            .Raw("<input type=\"text\" name=\"summary\" maxlength=\"512\" placeholder=\"Comment (optional)\" aria-label=\"Comment\">")
            .Raw("<button type=\"submit\" name=\"status\" value=\"Approved\" data-command=\"approve\">Approve</button>")
            .Raw("<button type=\"submit\" name=\"status\" value=\"Rejected\" data-command=\"reject\">Reject</button></form>");
}
