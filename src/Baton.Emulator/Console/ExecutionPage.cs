using System.Globalization;

namespace Baton.Emulator.Console;

/// <summary>
/// <c>/console/pipelines/{name}/executions/{id}</c>: the execution and its timeline — every
/// action execution with every job step (job id, status, dispatches, times, continuation token
/// size) — and the event log.
/// </summary>
internal static class ExecutionPage
{
    public static string Render(ExecutionTimelineView timeline, string csrfToken)
    {
        var execution = timeline.Execution;
        var path = ConsoleLayout.ExecutionPath(timeline.PipelineName, execution.Id);
        var html = new Html()
            .Raw("<p class=\"crumbs\"><a").Attr("href", ConsoleLayout.PipelinePath(timeline.PipelineName)).Raw(">").Text(timeline.PipelineName).Raw("</a></p>")
            .Raw("<h1>Execution <span class=\"name\">").Text(execution.Id).Raw("</span></h1><p>").Status(execution.Status)
            .Raw(" started ").Time(execution.StartTime, "started").Raw(", updated ").Time(execution.LastUpdateTime, "updated").Raw("</p>")
            .Raw("<p class=\"summary\" data-field=\"status-summary\">").Text(execution.StatusSummary).Raw("</p>")
            .Raw("<form class=\"inline\" method=\"post\" data-field=\"stop\"").Attr("action", path + "/stop").Raw(execution.Stoppable ? "" : " hidden").Raw(">")
            .CsrfField(csrfToken)
            .Raw("<button type=\"submit\" name=\"abandon\" value=\"false\" data-command=\"stop\">Stop</button>")
            .Raw("<button type=\"submit\" name=\"abandon\" value=\"true\" data-command=\"abandon\">Stop and abandon</button></form>")
            .Raw("<h2>Timeline</h2><div class=\"timeline\" data-field=\"timeline\">");
        foreach (var action in timeline.Actions)
        {
            RenderAction(html, action);
        }

        html.Raw("</div><h2>Events</h2><table class=\"events\"><thead><tr><th>Time</th><th>Stage</th><th>Action</th><th>Event</th><th>Message</th></tr></thead>")
            .Raw("<tbody data-field=\"events\">");
        foreach (var entry in timeline.Events)
        {
            html.Raw("<tr><td>").Time(entry.Time).Raw("</td><td>").Text(entry.StageName).Raw("</td><td>").Text(entry.ActionName)
                .Raw("</td><td>").Text(entry.Type).Raw("</td><td>").Text(entry.Message).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        return ConsoleLayout.Page("Execution " + execution.Id, html, csrfToken, "execution", ConsoleLayout.ApiPath(path));
    }

    private static void RenderAction(Html html, ActionTimelineView action)
    {
        html.Raw("<section class=\"timeline-action\"").Attr("data-action-execution", action.ActionExecutionId).Raw("><h3>")
            .Text($"{action.StageName} / {action.ActionName}").Raw("</h3>")
            .Raw("<p>").Status(action.Status)
            .Raw(" attempt ").Text((action.Attempt + 1).ToString(CultureInfo.InvariantCulture))
            .Raw(", started ").Time(action.StartTime).Raw(", updated ").Time(action.LastUpdateTime)
            .Raw(action.PercentComplete is null ? "" : ", ").Text(action.PercentComplete is { } p ? $"{p}% complete" : null)
            .Raw(action.ExternalExecutionId is null ? "" : ", external id ").Text(action.ExternalExecutionId).Raw("</p>")
            .Raw("<p class=\"summary\">").Text(action.Summary).Raw("</p>");
        if (action.Jobs.Count == 0)
        {
            return;
        }

        html.Raw("<table class=\"jobs\"><thead><tr><th>Step</th><th>Job</th><th>Status</th><th>Dispatches</th><th>Created</th><th>Dispatched</th>")
            .Raw("<th>Acknowledged</th><th>Completed</th><th>Waited</th><th>Ran</th><th>Token in</th><th>Note</th></tr></thead><tbody>");
        var step = 0;
        foreach (var job in action.Jobs)
        {
            step++;
            html.Raw("<tr").Attr("data-job", job.JobId).Raw("><td>").Text(step.ToString(CultureInfo.InvariantCulture)).Raw("</td><td><code>").Text(job.JobId).Raw("</code></td><td>")
                .Status(job.Status).Raw("</td><td>").Text(job.DispatchCount.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>")
                .Time(job.Created).Raw("</td><td>").Time(job.DispatchedAt).Raw("</td><td>").Time(job.AcknowledgedAt).Raw("</td><td>").Time(job.CompletedAt)
                .Raw("</td><td>").Text(job.Waited).Raw("</td><td>").Text(job.Ran).Raw("</td><td>")
                .Text(job.ContinuationTokenLength is { } length ? $"{length} chars" : "–").Raw("</td><td>").Text(job.Note).Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
    }
}
