using System.Runtime.CompilerServices;
using System.Text.Json;
using Baton.CodePipeline;
using Baton.Emulator.Engine;

namespace Baton.Emulator.Console;

/// <summary>
/// The emulator's web console under <c>/console</c>. Pages are rendered on the server and read
/// without JavaScript; <c>/console/assets/console.js</c> polls the JSON endpoints under
/// <c>/console/api</c> every second and updates the page in place.
/// <list type="bullet">
/// <item><c>GET /console</c>: pipelines, with the latest execution's status.</item>
/// <item><c>GET /console/pipelines/{name}</c>: stages and actions (status, summary, progress, Details and entity links,
/// approve/reject, Connect), start, stop and retry.</item>
/// <item><c>GET /console/pipelines/{name}/executions/{id}</c>: the execution's timeline, every job step of every action.</item>
/// <item><c>GET /console/api/...</c>: the same three views as JSON.</item>
/// <item><c>POST</c> commands: see <see cref="ConsoleCommands"/>.</item>
/// </list>
/// </summary>
public static class EmulatorConsole
{
    private static readonly ConditionalWeakTable<IEndpointRouteBuilder, object> _mapped = [];

    /// <summary>Maps the console's pages, JSON endpoints, commands and assets. Mapping twice on the same application does nothing.</summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The endpoints.</returns>
    public static IEndpointRouteBuilder MapEmulatorConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!_mapped.TryAdd(endpoints, new object()))
        {
            return endpoints;
        }

        var security = new ConsoleSecurity();
        var console = endpoints.MapGroup(ConsoleLayout.Root);
        console.AddEndpointFilter(static (context, next) =>
        {
            ConsoleSecurity.AddHeaders(context.HttpContext.Response);
            return next(context);
        });
        console.MapGet("/", (PipelineEngine engine, CancellationToken ct) =>
            PageAsync(security, ConsoleLayout.Root, async () => PipelineListPage.Render(await new ConsoleViews(engine).ListPipelinesAsync(ct).ConfigureAwait(false), security.Token)));
        console.MapGet("/pipelines/{name}", (string name, PipelineEngine engine, CancellationToken ct) =>
            PageAsync(security, ConsoleLayout.Root, async () => PipelinePage.Render(await new ConsoleViews(engine).GetPipelineAsync(name, ct).ConfigureAwait(false), security.Token)));
        console.MapGet("/pipelines/{name}/executions/{id}", (string name, string id, PipelineEngine engine, TimeProvider time, CancellationToken ct) =>
            PageAsync(security, ConsoleLayout.PipelinePath(name), async () =>
                ExecutionPage.Render(await new ConsoleViews(engine).GetTimelineAsync(name, id, time.GetUtcNow(), ct).ConfigureAwait(false), security.Token)));

        console.MapGet("/api/pipelines", (PipelineEngine engine, CancellationToken ct) =>
            JsonAsync(() => new ConsoleViews(engine).ListPipelinesAsync(ct)));
        console.MapGet("/api/pipelines/{name}", (string name, PipelineEngine engine, CancellationToken ct) =>
            JsonAsync(() => new ConsoleViews(engine).GetPipelineAsync(name, ct)));
        console.MapGet("/api/pipelines/{name}/executions/{id}", (string name, string id, PipelineEngine engine, TimeProvider time, CancellationToken ct) =>
            JsonAsync(() => new ConsoleViews(engine).GetTimelineAsync(name, id, time.GetUtcNow(), ct)));

        console.MapGet("/assets/{file}", static (string file) =>
            ConsoleAssets.TryGet(file, out var content, out var type) ? Results.Bytes(content, type) : Results.NotFound());

        ConsoleCommands.Map(console, security, endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Baton.Emulator.Console"));
        return endpoints;
    }

    /// <summary>Renders a page; an engine error becomes an error page with the service's message.</summary>
    internal static async Task<IResult> PageAsync(ConsoleSecurity security, string backUrl, Func<Task<string>> render)
    {
        try
        {
            return Html(await render().ConfigureAwait(false));
        }
        catch (CodePipelineServiceException error)
        {
            return Html(ConsoleLayout.Error(error.ErrorCode, error.Message, backUrl, security.Token), StatusOf(error));
        }
    }

    /// <summary>An HTML answer.</summary>
    internal static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);

    /// <summary>404 for what does not exist, 400 for everything else the service refuses.</summary>
    internal static int StatusOf(CodePipelineServiceException error) => error switch
    {
        PipelineNotFoundException or PipelineExecutionNotFoundException or StageNotFoundException or ActionNotFoundException => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    private static async Task<IResult> JsonAsync<T>(Func<Task<T>> view)
    {
        try
        {
            return TypedResults.Json(await view().ConfigureAwait(false), JsonSerializerOptions.Web);
        }
        catch (CodePipelineServiceException error)
        {
            return TypedResults.Json(new Admin.AdminError(error.ErrorCode, error.Message), JsonSerializerOptions.Web, statusCode: StatusOf(error));
        }
    }
}
