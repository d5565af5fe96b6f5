namespace Baton.Emulator.Console;

/// <summary><c>/console</c>: every pipeline with its newest execution's status.</summary>
internal static class PipelineListPage
{
    public static string Render(IReadOnlyList<PipelineListItem> pipelines, string csrfToken)
    {
        var html = new Html().Raw("<h1>Pipelines</h1>");
        html.Raw("<p class=\"empty\" data-field=\"empty\"").Raw(pipelines.Count == 0 ? "" : " hidden")
            .Raw(">No pipelines yet. Create one with <code>aws codepipeline create-pipeline --endpoint-url …</code></p>");
        html.Raw("<table class=\"pipelines\"><thead><tr><th>Name</th><th>Latest execution</th><th>Updated</th></tr></thead>")
            .Raw("<tbody data-field=\"pipelines\">");
        foreach (var pipeline in pipelines)
        {
            html.Raw("<tr").Attr("data-pipeline", pipeline.Name).Raw("><td><a").Attr("href", ConsoleLayout.PipelinePath(pipeline.Name)).Raw(">")
                .Text(pipeline.Name).Raw("</a></td><td>");
            if (pipeline.LatestExecutionId is { } executionId)
            {
                html.Raw("<a").Attr("href", ConsoleLayout.ExecutionPath(pipeline.Name, executionId)).Raw(">").Status(pipeline.LatestStatus).Raw("</a>");
            }
            else
            {
                html.Status(null);
            }

            html.Raw("</td><td>").Time(pipeline.Updated).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        return ConsoleLayout.Page("Pipelines", html, csrfToken, "pipelines", "/console/api/pipelines");
    }
}
