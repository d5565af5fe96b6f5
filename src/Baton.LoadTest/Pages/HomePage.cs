namespace Baton.LoadTest.Pages;

/// <summary>The service's landing page, <c>GET /</c> (the action type's <c>entityUrlTemplate</c> target).</summary>
public static class HomePage
{
    /// <summary>Maps the page.</summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) => Html.Result(context, "Baton load test", """
            <h1>Baton load test</h1>
            <p>The load-test service behind the <code>Test/ThirdParty/BatonLoadTest/1</code> pipeline action.</p>
            <ul>
            <li>Each test has a public details page at <code>/tests/{id}</code>, linked from the pipeline's Details link.</li>
            <li>The API is <code>/api/v1/tests</code>, authenticated with <code>Authorization: Bearer &lt;API key&gt;</code>.</li>
            <li>Pipeline actions are connected at <code>/signup</code>, reached from the pipeline console.</li>
            </ul>
            """));
        return endpoints;
    }
}
