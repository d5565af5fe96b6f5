using System.Globalization;
using System.Text;
using Baton.LoadTest.Api;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Baton.LoadTest.Pages;

/// <summary>
/// The details page of a test, <c>GET /tests/{id}</c> (the action type's <c>executionUrlTemplate</c>
/// target). Public by id, since ids are random GUIDs. Complete without JavaScript; a small inline
/// script refreshes it every second from <c>/tests/{id}/live</c> (JSON) and <c>/tests/{id}/chart.svg</c>.
/// </summary>
public static class DetailsPage
{
    /// <summary>Maps the details endpoints.</summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapDetailsPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tests/{id}", GetPageAsync);
        endpoints.MapGet("/tests/{id}/live", GetLiveAsync);
        endpoints.MapGet("/tests/{id}/chart.svg", GetChartAsync);
        return endpoints;
    }

    /// <summary>The HTML page.</summary>
    public static async Task<IResult> GetPageAsync(string id, HttpContext context, ITestStore store)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var details = await LoadAsync(id, context, store).ConfigureAwait(false);
        return details is null
            ? Html.Result(context, "Not found", $"<h1>No such test</h1><p>There is no load test <code>{Html.E(id)}</code>.</p>", statusCode: StatusCodes.Status404NotFound)
            : Html.Result(context, details.Test.Name, Body(details), details.Test.Status is TestStatus.Queued or TestStatus.Running ? DetailsScript.Source : null);
    }

    /// <summary>The test and its series as JSON, for the live refresh.</summary>
    public static async Task<Results<Ok<TestDetailsView>, NotFound>> GetLiveAsync(string id, HttpContext context, ITestStore store)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var details = await LoadAsync(id, context, store).ConfigureAwait(false);
        return details is null ? TypedResults.NotFound() : TypedResults.Ok(details);
    }

    /// <summary>The chart alone.</summary>
    public static async Task<IResult> GetChartAsync(string id, HttpContext context, ITestStore store)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var details = await LoadAsync(id, context, store).ConfigureAwait(false);
        return details is null ? TypedResults.NotFound() : TypedResults.Content(ChartSvg.Render(details.Seconds), "image/svg+xml", Encoding.UTF8);
    }

    private static async Task<TestDetailsView?> LoadAsync(string id, HttpContext context, ITestStore store)
    {
        if (!Guid.TryParse(id, out var testId) || await store.GetAsync(testId, context.RequestAborted).ConfigureAwait(false) is not { } test)
        {
            return null;
        }

        var seconds = await store.GetSecondsAsync(testId, context.RequestAborted).ConfigureAwait(false);
        return new TestDetailsView(TestViews.ToView(test, TestsApi.ServiceUrl(context.Request)), TestViews.Seconds(seconds));
    }

    private static string Body(TestDetailsView details)
    {
        var test = details.Test;
        var figures = test.Figures;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <main id="test" data-status="{test.Status}">
            <h1 id="name">{Html.E(test.Name)}</h1>
            <p><span id="status" class="status {test.Status}">{test.Status}</span>
            <progress id="progress" max="100" value="{test.PercentComplete}">{test.PercentComplete}%</progress> <span id="percent">{test.PercentComplete}%</span></p>
            <p id="summary">{Html.E(test.Summary)}</p>
            <p id="reason" class="error">{Html.E(test.Reason)}</p>
            <h2>Summary</h2>
            <table id="figures">
            <tr><th>Requests/s</th><td id="rps">{FiguresText.Rate(figures.RequestsPerSecond)}</td></tr>
            <tr><th>p50</th><td id="p50">{Ms(figures.P50Ms)}</td></tr>
            <tr><th>p95</th><td id="p95">{Ms(figures.P95Ms)}</td></tr>
            <tr><th>p99</th><td id="p99">{Ms(figures.P99Ms)}</td></tr>
            <tr><th>Errors</th><td id="errors">{FiguresText.Percent(figures.ErrorPercent)} ({figures.Errors:#,0} of {figures.Requests:#,0})</td></tr>
            <tr><th>Elapsed</th><td id="elapsed">{figures.ElapsedSeconds:0} s of {test.DurationSeconds:0} s</td></tr>
            <tr><th>Load</th><td>{(test.Users is { } users ? $"{users} virtual users" : $"{test.Rate:0.##} requests/s")}, {Html.E(test.Method)}</td></tr>
            <tr><th>Targets</th><td>{string.Join("<br>", test.Targets.Select(Html.E))}</td></tr>
            </table>
            <h2>Thresholds</h2>
            """);
        if (test.Thresholds.Count == 0)
        {
            body.Append("<p>No thresholds: the test passes when it runs to the end.</p>");
        }
        else
        {
            body.Append("<table id=\"thresholds\"><tr><th>Threshold</th><th>Measured</th><th>Verdict</th></tr>");
            foreach (var threshold in test.Thresholds)
            {
                var (verdict, css) = threshold.Passed switch { true => ("pass", "pass"), false => ("fail", "fail"), null => ("pending", string.Empty) };
                body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.E(threshold.Expression)}</td><td>{Html.E(threshold.Measured ?? "–")}</td><td class=\"{css}\">{verdict}</td></tr>");
            }

            body.Append("</table>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            <h2>Requests/s and p95 per second</h2>
            <div id="chart">{ChartSvg.Render(details.Seconds)}</div>
            <p><small>Test {Html.E(test.Id)} · created {test.CreatedAt:u}</small></p>
            </main>
            """);
        return body.ToString();
    }

    private static string Ms(double? value) => value is { } ms ? FiguresText.Milliseconds(ms) : "–";
}
