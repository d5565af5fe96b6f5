using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Baton.Cli.Tests.Fakes;

/// <summary>
/// A scripted CodePipeline endpoint on 127.0.0.1 speaking JSON 1.1: pipeline "web" with a Source
/// stage and a Test stage whose LoadTest action follows <see cref="Script"/>. Each
/// GetPipelineState takes the next status of the script (the last one stays), and the other
/// calls answer for that status. Every request is recorded.
/// </summary>
public sealed class CodePipelineStub : IAsyncLifetime
{
    public const string ExecutionId = "11111111-2222-3333-4444-555555555555";
    public const string DetailsUrl = "http://127.0.0.1:5080/tests/t-42";
    private WebApplication? _app;
    private string _status = "InProgress";

    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>The execution statuses, one per GetPipelineState.</summary>
    public ConcurrentQueue<string> Script { get; } = new();

    /// <summary>When set, every CodePipeline call fails with this error code.</summary>
    public string? FailWith { get; set; }

    public ConcurrentQueue<(string Operation, JsonElement Body)> Requests { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/_baton/third-party-action-types", async (HttpRequest request) =>
        {
            Requests.Enqueue(("RegisterThirdParty", await JsonSerializer.DeserializeAsync<JsonElement>(request.Body)));
            return Results.Text("{}", "application/json", statusCode: 201);
        });
        _app.MapPost("/", HandleAsync);
        await _app.StartAsync();
        Endpoint = _app.Urls.First();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var operation = request.Headers["X-Amz-Target"].ToString().Split('.').Last();
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        Requests.Enqueue((operation, body));
        if (FailWith is not null)
        {
            return Json($$"""{"__type":"{{FailWith}}","message":"The pipeline 'web' was not found."}""", 400);
        }

        if (operation == "GetPipelineState" && Script.TryDequeue(out var next))
        {
            _status = next;
        }

        return operation switch
        {
            "ListPipelineExecutions" => Json($$"""{"pipelineExecutionSummaries":[{"pipelineExecutionId":"{{ExecutionId}}","status":"{{_status}}"}]}"""),
            "GetPipelineExecution" => Json($$$"""{"pipelineExecution":{"pipelineName":"web","pipelineExecutionId":"{{{ExecutionId}}}","status":"{{{_status}}}"}}"""),
            "GetPipelineState" => Json(State()),
            "ListActionExecutions" => Json(ActionExecutions()),
            "StartPipelineExecution" => Json($$"""{"pipelineExecutionId":"{{ExecutionId}}"}"""),
            "CreateCustomActionType" => Json("""{"actionType":{"id":{"category":"Test","owner":"Custom","provider":"BatonLoadTest","version":"1"},"inputArtifactDetails":{"minimumCount":0,"maximumCount":1},"outputArtifactDetails":{"minimumCount":0,"maximumCount":0}}}"""),
            _ => Json($$"""{"__type":"UnknownOperationException","message":"{{operation}}"}""", 400),
        };
    }

    private string LoadTestStatus => _status switch
    {
        "Succeeded" => "Succeeded",
        "Failed" => "Failed",
        _ => "InProgress",
    };

    private string State()
    {
        var (percent, summary) = LoadTestStatus switch
        {
            "Succeeded" => (100, "PASSED p95 12ms"),
            "Failed" => (100, "FAILED p95<1ms"),
            _ => (40, "running 4s of 10s"),
        };
        var error = LoadTestStatus == "Failed" ? ""","errorDetails":{"code":"JobFailed","message":"p95<1ms: 12ms"}""" : string.Empty;
        return $$$"""
            {"pipelineName":"web","pipelineVersion":1,"stageStates":[
              {"stageName":"Source","latestExecution":{"pipelineExecutionId":"{{{ExecutionId}}}","status":"Succeeded"},
               "actionStates":[{"actionName":"Source","latestExecution":{"status":"Succeeded","summary":"revision 1"}}]},
              {"stageName":"Test","latestExecution":{"pipelineExecutionId":"{{{ExecutionId}}}","status":"{{{LoadTestStatus}}}"},
               "actionStates":[{"actionName":"LoadTest","latestExecution":{"status":"{{{LoadTestStatus}}}","summary":"{{{summary}}}","percentComplete":{{{percent}}},"externalExecutionId":"t-42","externalExecutionUrl":"{{{DetailsUrl}}}"{{{error}}}}}]}]}
            """;
    }

    private string ActionExecutions() => $$$"""
        {"actionExecutionDetails":[
          {"pipelineExecutionId":"{{{ExecutionId}}}","actionExecutionId":"ae-2","stageName":"Test","actionName":"LoadTest","startTime":1700000010,"status":"{{{LoadTestStatus}}}",
           "output":{"executionResult":{"externalExecutionId":"t-42","externalExecutionUrl":"{{{DetailsUrl}}}" } } },
          {"pipelineExecutionId":"{{{ExecutionId}}}","actionExecutionId":"ae-1","stageName":"Source","actionName":"Source","startTime":1700000000,"status":"Succeeded"}]}
        """;

    private static IResult Json(string json, int status = 200) =>
        Results.Text(json, "application/x-amz-json-1.1", statusCode: status);
}
