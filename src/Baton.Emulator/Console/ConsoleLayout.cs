namespace Baton.Emulator.Console;

/// <summary>The frame every console page shares, and the error page.</summary>
internal static class ConsoleLayout
{
    public const string Root = "/console";

    /// <summary>Wraps a page body: the style sheet and script (files, never inline), the CSRF token and the JSON endpoint the script polls.</summary>
    /// <param name="title">The page title (encoded here).</param>
    /// <param name="body">The body markup, already built with <see cref="Html"/>.</param>
    /// <param name="csrfToken">The token the script adds to forms it creates.</param>
    /// <param name="page">Which page this is, for the script: <c>pipelines</c>, <c>pipeline</c>, <c>execution</c> or <c>static</c>.</param>
    /// <param name="api">The JSON endpoint that refreshes the page, or null.</param>
    public static string Page(string title, Html body, string csrfToken, string page, string? api) => new Html()
        .Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Raw("<title>").Text(title).Raw(" · Baton emulator</title>")
        .Raw("<meta name=\"baton-csrf\"").Attr("content", csrfToken).Raw(">")
        .Raw("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">")
        .Raw("<link rel=\"icon\" href=\"/console/assets/favicon.svg\" type=\"image/svg+xml\">")
        .Raw("<script src=\"/console/assets/console.js\" defer></script>")
        .Raw("</head><body").Attr("data-page", page).Attr("data-api", api).Raw(">")
        .Raw("<header><a class=\"home\" href=\"/console\">Baton emulator</a>")
        .Raw("<span class=\"live-state\" data-field=\"live-state\" hidden>live</span></header><main>")
        .Raw(body.ToString())
        .Raw("</main></body></html>")
        .ToString();

    /// <summary>An error page: what went wrong and where to go back.</summary>
    public static string Error(string title, string message, string backUrl, string csrfToken)
    {
        var body = new Html()
            .Raw("<h1>").Text(title).Raw("</h1>")
            .Raw("<p class=\"error\" role=\"alert\" data-field=\"error-message\">").Text(message).Raw("</p>")
            .Raw("<p><a").Attr("href", backUrl).Raw(">Back</a></p>");
        return Page(title, body, csrfToken, "static", null);
    }

    /// <summary>The hidden CSRF field every console form carries.</summary>
    public static Html CsrfField(this Html html, string token) =>
        html.Raw("<input type=\"hidden\"").Attr("name", ConsoleSecurity.TokenField).Attr("value", token).Raw(">");

    /// <summary>A hidden form field.</summary>
    public static Html Hidden(this Html html, string name, string value) =>
        html.Raw("<input type=\"hidden\"").Attr("name", name).Attr("value", value).Raw(">");

    /// <summary>A status badge; the status also goes into <c>data-status</c> for styling and tests.</summary>
    public static Html Status(this Html html, string? status, string field = "status") =>
        html.Raw("<span class=\"status\"").Attr("data-field", field).Attr("data-status", status ?? "None").Raw(">").Text(status ?? "Not run").Raw("</span>");

    /// <summary>The JSON endpoint that feeds a page: <c>/console/x</c> → <c>/console/api/x</c>.</summary>
    public static string ApiPath(string pagePath) => Root + "/api" + pagePath[Root.Length..];

    public static string PipelinePath(string name) => $"{Root}/pipelines/{Html.Segment(name)}";

    public static string ExecutionPath(string name, string executionId) => $"{PipelinePath(name)}/executions/{Html.Segment(executionId)}";
}
