using System.Text.Json;
using Baton.CodePipeline;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Validation;
using Baton.Emulator.Admin;
using Baton.Emulator.Engine;

namespace Baton.Emulator.ThirdParty;

/// <summary>
/// The admin endpoints for third-party actions:
/// <list type="bullet">
/// <item><c>POST /_baton/third-party-action-types</c>: register a ThirdParty type (body: CreateCustomActionType's members).</item>
/// <item><c>GET /_baton/third-party-clients?pipeline=NAME</c>: the clientId/clientToken of each third-party action.</item>
/// <item><c>POST /_baton/third-party-handshakes</c> <c>{"pipelineName", "actionName"}</c>: start the connect handshake
/// (what to POST to the partner's configuration page).</item>
/// <item><c>GET|POST /_baton/third-party-return?correlationId=…&amp;configuration={json}</c>: the partner returns the
/// action configuration; the pipeline gets a new version.</item>
/// </list>
/// </summary>
internal static class ThirdPartyApi
{
    public const string ReturnPath = "/_baton/third-party-return";

    public static void MapThirdPartyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/_baton/third-party-action-types", RegisterAsync);
        endpoints.MapGet("/_baton/third-party-clients", ListClientsAsync);
        endpoints.MapPost("/_baton/third-party-handshakes", StartHandshakeAsync);
        endpoints.MapMethods(ReturnPath, [HttpMethods.Get, HttpMethods.Post], CompleteHandshakeAsync);
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, PipelineEngine engine)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        CreateCustomActionTypeRequest definition;
        try
        {
            definition = CodePipelineJson.Deserialize<CreateCustomActionTypeRequest>(buffer.ToArray());
        }
        catch (JsonException exception)
        {
            return AdminApi.Error(400, "SerializationException", $"The action type definition is not valid JSON ({exception.Path}); send CreateCustomActionType's members.");
        }

        var validation = WireValidator.Validate(definition);
        if (!validation.IsValid)
        {
            return AdminApi.Error(400, "ValidationException", validation.Message);
        }

        return await Answer(async () =>
        {
            var created = await engine.RegisterThirdPartyActionTypeAsync(definition, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return TypedResults.Text(CodePipelineJson.Serialize(created), "application/json", statusCode: StatusCodes.Status201Created);
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> ListClientsAsync(PipelineEngine engine, string? pipeline, CancellationToken cancellationToken) =>
        TypedResults.Ok(await engine.ListThirdPartyClientsAsync(pipeline, cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> StartHandshakeAsync(HttpRequest request, PipelineEngine engine)
    {
        HandshakeRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<HandshakeRequest>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.PipelineName is null || body.ActionName is null)
        {
            return AdminApi.Error(400, "ValidationException", "Send {\"pipelineName\": \"...\", \"actionName\": \"...\"} naming a third-party action.");
        }

        var returnUrl = new Uri($"{request.Scheme}://{request.Host}{ReturnPath}");
        return await Answer(async () => TypedResults.Ok(
            await engine.StartThirdPartyHandshakeAsync(body.PipelineName, body.ActionName, returnUrl, request.HttpContext.RequestAborted).ConfigureAwait(false))).ConfigureAwait(false);
    }

    private static async Task<IResult> CompleteHandshakeAsync(HttpRequest request, PipelineEngine engine)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false) : null;
        string? Field(string name) => form?[name].FirstOrDefault() ?? request.Query[name].FirstOrDefault();
        var correlationId = Field("correlationId");
        var configurationText = Field("configuration");
        if (string.IsNullOrEmpty(correlationId))
        {
            return AdminApi.Error(400, "ValidationException", "correlationId is missing; return it exactly as received in the request document.");
        }

        Dictionary<string, string>? configuration;
        try
        {
            configuration = string.IsNullOrEmpty(configurationText) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(configurationText);
        }
        catch (JsonException)
        {
            configuration = null;
        }

        if (configuration is null)
        {
            return AdminApi.Error(400, "ValidationException", "configuration must be a JSON object of string values, e.g. {\"ProjectId\":\"42\"}.");
        }

        return await Answer(async () => TypedResults.Ok(
            await engine.CompleteThirdPartyHandshakeAsync(correlationId, configuration, request.HttpContext.RequestAborted).ConfigureAwait(false))).ConfigureAwait(false);
    }

    private static async Task<IResult> Answer(Func<Task<IResult>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (CodePipelineServiceException error)
        {
            return AdminApi.Error((int)error.StatusCode, error.ErrorCode, error.Message);
        }
    }

    private sealed record HandshakeRequest(string? PipelineName, string? ActionName);
}
