using System.Text.Json;
using Baton.CodePipeline;
using Baton.CodePipeline.Json;

namespace Baton.Emulator.Api;

/// <summary>Writes CodePipeline responses: JSON 1.1 bodies, and errors as <c>{"__type","message"}</c>.</summary>
internal static class ApiResponses
{
    public static async Task WriteAsync(HttpContext context, Type? responseType, object? response)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = CodePipelineProtocol.ContentType;
        if (responseType is null || response is null)
        {
            context.Response.ContentLength = 0;
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(response, CodePipelineJson.Options.GetTypeInfo(responseType));
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = CodePipelineProtocol.ContentType;
        context.Response.Headers["x-amzn-ErrorType"] = code;
        var body = CodePipelineJson.SerializeToUtf8Bytes(new AwsErrorBody { Type = code, Message = message });
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
