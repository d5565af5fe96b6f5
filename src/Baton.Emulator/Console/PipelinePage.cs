namespace Baton.Emulator.Console;

/// <summary>
/// <c>/console/pipelines/{name}</c>: each stage with its actions (see <see cref="ActionCard"/>),
/// the start button, retry for a failed stage, and the recent executions with stop buttons.
/// Every element the page script updates carries a <c>data-field</c> name.
/// </summary>
internal static class PipelinePage
{
    public static string Render(PipelineView pipeline, string csrfToken)
    {
        var path = ConsoleLayout.PipelinePath(pipeline.Name);
        var html = new Html()
            .Raw("<h1>Pipeline <span class=\"name\" data-field=\"pipeline-name\">").Text(pipeline.Name).Raw("</span>")
            .Raw(" <small>version <span data-field=\"version\">").Text(pipeline.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).Raw("</span></small></h1>")
            .Raw("<form class=\"inline\" method=\"post\"").Attr("action", path + "/start").Raw(">").CsrfField(csrfToken)
            .Raw("<button type=\"submit\" data-command=\"start\">Release change</button></form>")
            .Raw("<div class=\"stages\">");
        foreach (var stage in pipeline.Stages)
        {
            RenderStage(html, pipeline.Name, stage, csrfToken);
        }

        html.Raw("</div><h2>Recent executions</h2>");
        RenderExecutions(html, pipeline.Name, pipeline.Executions, csrfToken);
        return ConsoleLayout.Page(pipeline.Name, html, csrfToken, "pipeline", ConsoleLayout.ApiPath(path));
    }

    private static void RenderStage(Html html, string pipeline, StageView stage, string csrfToken)
    {
        html.Raw("<section class=\"stage\"").Attr("data-stage", stage.Name).Raw("><div class=\"stage-head\"><h2>").Text(stage.Name).Raw("</h2>")
            .Status(stage.Status, "stage-status")
            .Raw("<span data-field=\"stage-execution\">");
        if (stage.PipelineExecutionId is { } executionId)
        {
            html.Raw("<a").Attr("href", ConsoleLayout.ExecutionPath(pipeline, executionId)).Raw(">").Text(executionId).Raw("</a>");
        }

        html.Raw("</span><span data-field=\"retry\">");
        if (stage.Retryable && stage.PipelineExecutionId is { } failedId)
        {
            RetryForm(html, pipeline, stage.Name, failedId, csrfToken);
        }

        html.Raw("</span></div><ol class=\"actions\">");
        foreach (var action in stage.Actions)
        {
            ActionCard.Render(html, pipeline, stage.Name, action, csrfToken);
        }

        html.Raw("</ol></section>");
    }

    private static void RetryForm(Html html, string pipeline, string stage, string executionId, string csrfToken) =>
        html.Raw("<form class=\"inline\" method=\"post\"").Attr("action", ConsoleLayout.ExecutionPath(pipeline, executionId) + "/retry").Raw(">")
            .CsrfField(csrfToken).Hidden("stage", stage)
            .Raw("<button type=\"submit\" name=\"mode\" value=\"FAILED_ACTIONS\" data-command=\"retry\">Retry failed actions</button>")
            .Raw("<button type=\"submit\" name=\"mode\" value=\"ALL_ACTIONS\" data-command=\"retry-all\">Retry stage</button></form>");

    private static void RenderExecutions(Html html, string pipeline, IReadOnlyList<ExecutionSummaryView> executions, string csrfToken)
    {
        html.Raw("<table class=\"executions\"><thead><tr><th>Execution</th><th>Status</th><th>Started</th><th>Updated</th><th>Summary</th><th></th></tr></thead>")
            .Raw("<tbody data-field=\"executions\">");
        foreach (var execution in executions)
        {
            var executionPath = ConsoleLayout.ExecutionPath(pipeline, execution.Id);
            html.Raw("<tr").Attr("data-execution", execution.Id).Raw("><td><a").Attr("href", executionPath).Raw(">").Text(execution.Id).Raw("</a></td><td>")
                .Status(execution.Status).Raw("</td><td>").Time(execution.StartTime).Raw("</td><td>").Time(execution.LastUpdateTime).Raw("</td><td>")
                .Text(execution.StatusSummary).Raw("</td><td>");
            if (execution.Stoppable)
            {
                html.Raw("<form class=\"inline\" method=\"post\"").Attr("action", executionPath + "/stop").Raw(">").CsrfField(csrfToken)
                    .Raw("<button type=\"submit\" name=\"abandon\" value=\"false\" data-command=\"stop\">Stop</button>")
                    .Raw("<button type=\"submit\" name=\"abandon\" value=\"true\" data-command=\"abandon\">Stop and abandon</button></form>");
            }

            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }
}
