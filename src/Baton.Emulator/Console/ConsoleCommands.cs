using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Validation;
using Baton.Emulator.Engine;

namespace Baton.Emulator.Console;

/// <summary>
/// The console's commands: HTML form POSTs that call the engine's CodePipeline operations and
/// send the browser back to the page it came from (303 See Other). Each is checked by
/// <see cref="ConsoleSecurity.Refusal"/> first and validated like an API request.
/// <list type="bullet">
/// <item><c>POST /console/pipelines/{name}/start</c>: StartPipelineExecution.</item>
/// <item><c>POST /console/pipelines/{name}/executions/{id}/stop</c> (<c>abandon</c>): StopPipelineExecution.</item>
/// <item><c>POST /console/pipelines/{name}/executions/{id}/retry</c> (<c>stage</c>, <c>mode</c>): RetryStageExecution.</item>
/// <item><c>POST /console/pipelines/{name}/approve</c> (<c>stage</c>, <c>action</c>, <c>token</c>, <c>status</c>, <c>summary</c>): PutApprovalResult.</item>
/// <item><c>POST /console/pipelines/{name}/connect</c> (<c>action</c>) and <c>/console/connect/return</c>: see <see cref="ThirdPartyConnect"/>.</item>
/// </list>
/// </summary>
internal static class ConsoleCommands
{
    public static void Map(RouteGroupBuilder console, ConsoleSecurity security, ILogger logger)
    {
        console.MapPost("/pipelines/{name}/start", (string name, HttpContext http, PipelineEngine engine) =>
            RunAsync(http, security, logger, ConsoleLayout.PipelinePath(name), async form =>
            {
                var request = new StartPipelineExecutionRequest { Name = name };
                Validate(request);
                var started = await engine.StartPipelineExecutionAsync(request, http.RequestAborted).ConfigureAwait(false);
                Log.CommandRun(logger, "StartPipelineExecution", name, started.PipelineExecutionId ?? "");
            }));
        console.MapPost("/pipelines/{name}/executions/{id}/stop", (string name, string id, HttpContext http, PipelineEngine engine) =>
            RunAsync(http, security, logger, ConsoleLayout.PipelinePath(name), async form =>
            {
                var request = new StopPipelineExecutionRequest
                {
                    PipelineName = name,
                    PipelineExecutionId = id,
                    Abandon = string.Equals(form["abandon"], "true", StringComparison.OrdinalIgnoreCase),
                    Reason = "Stopped from the Baton console.",
                };
                Validate(request);
                await engine.StopPipelineExecutionAsync(request, http.RequestAborted).ConfigureAwait(false);
                Log.CommandRun(logger, "StopPipelineExecution", name, id);
            }));
        console.MapPost("/pipelines/{name}/executions/{id}/retry", (string name, string id, HttpContext http, PipelineEngine engine) =>
            RunAsync(http, security, logger, ConsoleLayout.PipelinePath(name), async form =>
            {
                var request = new RetryStageExecutionRequest
                {
                    PipelineName = name,
                    PipelineExecutionId = id,
                    StageName = Required(form, "stage"),
                    RetryMode = form["mode"] is { Count: > 0 } mode ? mode.ToString() : StageRetryMode.FailedActions,
                };
                Validate(request);
                await engine.RetryStageExecutionAsync(request, http.RequestAborted).ConfigureAwait(false);
                Log.CommandRun(logger, "RetryStageExecution", name, id);
            }));
        console.MapPost("/pipelines/{name}/approve", (string name, HttpContext http, PipelineEngine engine) =>
            RunAsync(http, security, logger, ConsoleLayout.PipelinePath(name), async form =>
            {
                var summary = form["summary"].ToString();
                var request = new PutApprovalResultRequest
                {
                    PipelineName = name,
                    StageName = Required(form, "stage"),
                    ActionName = Required(form, "action"),
                    Token = Required(form, "token"),
                    Result = new ApprovalResult { Status = Required(form, "status"), Summary = summary.Length == 0 ? "Answered in the Baton console." : summary },
                };
                Validate(request);
                await engine.PutApprovalResultAsync(request, http.RequestAborted).ConfigureAwait(false);
                Log.CommandRun(logger, "PutApprovalResult " + request.Result.Status, name, request.StageName + "/" + request.ActionName);
            }));
        ThirdPartyConnect.Map(console, security, logger);
    }

    /// <summary>Checks the request, runs the command and answers 303 to <paramref name="back"/>, or an error page.</summary>
    internal static async Task<IResult> RunAsync(HttpContext http, ConsoleSecurity security, ILogger logger, string back, Func<IFormCollection, Task> command)
    {
        if (!http.Request.HasFormContentType)
        {
            return EmulatorConsole.Html(ConsoleLayout.Error("Bad request", "Console commands are HTML form posts (application/x-www-form-urlencoded).", back, security.Token), StatusCodes.Status415UnsupportedMediaType);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (security.Refusal(http.Request, form) is { } reason)
        {
            Log.CommandRefused(logger, http.Request.Path, reason);
            return EmulatorConsole.Html(ConsoleLayout.Error("Refused", reason, back, security.Token), StatusCodes.Status403Forbidden);
        }

        try
        {
            await command(form).ConfigureAwait(false);
            return new SeeOther(back);
        }
        catch (CodePipelineServiceException error)
        {
            return EmulatorConsole.Html(ConsoleLayout.Error(error.ErrorCode, error.Message, back, security.Token), EmulatorConsole.StatusOf(error));
        }
    }

    internal static string Required(IFormCollection form, string field) =>
        form[field] is { Count: > 0 } value && value.ToString().Length > 0
            ? value.ToString()
            : throw new ValidationException($"The form has no '{field}' field; submit it from the console page.", System.Net.HttpStatusCode.BadRequest, null);

    private static void Validate<T>(T request)
        where T : class
    {
        var result = WireValidator.Validate(request);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Message, System.Net.HttpStatusCode.BadRequest, null);
        }
    }

    /// <summary>303 See Other: after a POST the browser loads the page with GET.</summary>
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
