using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Console;

public sealed partial class ConsoleHttpTests : IAsyncLifetime
{
    private ConsoleEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ConsoleEmulator.StartAsync();
        await _emulator.Engine.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenApproval("gated") });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task StartForm_WithPageToken_StartsExecutionAndRedirectsToPipeline()
    {
        var (_, token) = await _emulator.GetPageAsync("/console/pipelines/gated");

        using var response = await _emulator.PostFormAsync("/console/pipelines/gated/start", [new("_csrf", token)], origin: _emulator.Endpoint.GetLeftPart(UriPartial.Authority));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/console/pipelines/gated", response.Headers.Location!.OriginalString);
        Assert.Single((await ExecutionsAsync()).PipelineExecutionSummaries!);
    }

    [Fact]
    public async Task StartForm_WithoutToken_RefusedAndNothingStarts()
    {
        using var response = await _emulator.PostFormAsync("/console/pipelines/gated/start", []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no _csrf field", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await ExecutionsAsync()).PipelineExecutionSummaries!);
    }

    [Fact]
    public async Task StartForm_WrongTokenOrForeignOrigin_Refused()
    {
        var (_, token) = await _emulator.GetPageAsync("/console");

        using var wrongToken = await _emulator.PostFormAsync("/console/pipelines/gated/start", [new("_csrf", "not-the-token")]);
        using var foreign = await _emulator.PostFormAsync("/console/pipelines/gated/start", [new("_csrf", token)], origin: "https://attacker.example");

        Assert.Equal(HttpStatusCode.Forbidden, wrongToken.StatusCode);
        Assert.Contains("reload the console page", await wrongToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("https://attacker.example", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await ExecutionsAsync()).PipelineExecutionSummaries!);
    }

    [Fact]
    public async Task Commands_NotAForm_Answer415()
    {
        using var response = await _emulator.Http.PostAsync("/console/pipelines/gated/start", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task ApproveForm_WrongToken_ShowsTheServiceError()
    {
        await _emulator.StartExecutionAsync("gated");
        var (_, token) = await _emulator.GetPageAsync("/console/pipelines/gated");

        using var response = await _emulator.PostFormAsync("/console/pipelines/gated/approve",
            [new("_csrf", token), new("stage", "Approve"), new("action", "Gate"), new("token", "00000000-0000-4000-8000-000000000000"), new("status", "Approved")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("InvalidApprovalTokenException", html, StringComparison.Ordinal);
        Assert.Equal("InProgress", (await _emulator.ActionStateAsync("gated", "Approve", "Gate")).LatestExecution!.Status);
    }

    [Fact]
    public async Task StopAndRetryForms_RunningExecution_StopsThenRetries()
    {
        var executionId = await _emulator.StartExecutionAsync("gated");
        var (html, token) = await _emulator.GetPageAsync("/console/pipelines/gated");
        Assert.Contains($"action=\"/console/pipelines/gated/executions/{executionId}/stop\"", html, StringComparison.Ordinal);

        using var stop = await _emulator.PostFormAsync($"/console/pipelines/gated/executions/{executionId}/stop", [new("_csrf", token), new("abandon", "true")]);
        Assert.Equal(HttpStatusCode.SeeOther, stop.StatusCode);
        Assert.Equal("Stopped", (await ExecutionsAsync()).PipelineExecutionSummaries![0].Status);

        var (stopped, _) = await _emulator.GetPageAsync("/console/pipelines/gated");
        Assert.Contains($"action=\"/console/pipelines/gated/executions/{executionId}/retry\"", stopped, StringComparison.Ordinal);
        using var retry = await _emulator.PostFormAsync($"/console/pipelines/gated/executions/{executionId}/retry", [new("_csrf", token), new("stage", "Approve"), new("mode", "FAILED_ACTIONS")]);
        Assert.Equal(HttpStatusCode.SeeOther, retry.StatusCode);
        Assert.Equal("InProgress", (await ExecutionsAsync()).PipelineExecutionSummaries![0].Status);
    }

    [Fact]
    public async Task PipelinePage_UnknownPipeline_404WithTheServiceMessage()
    {
        using var page = await _emulator.Http.GetAsync("/console/pipelines/nope");
        using var api = await _emulator.Http.GetAsync("/console/api/pipelines/nope");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("does not have a pipeline with name &#x27;nope&#x27;", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("PipelineNotFoundException", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task Pages_SendContentSecurityPolicyWithoutInlineScript()
    {
        using var response = await _emulator.Http.GetAsync("/console");
        var html = await response.Content.ReadAsStringAsync();

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.Contains("<script src=\"/console/assets/console.js\" defer></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_ScriptAndStyle_ServedWithTheirTypes_UnknownIs404()
    {
        using var script = await _emulator.Http.GetAsync("/console/assets/console.js");
        using var style = await _emulator.Http.GetAsync("/console/assets/console.css");
        using var missing = await _emulator.Http.GetAsync("/console/assets/nope.js");

        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Contains("textContent", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", style.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ServerHtml_HostileSummary_IsEncoded()
    {
        await _emulator.StartExecutionAsync("gated");
        var token = (await _emulator.ActionStateAsync("gated", "Approve", "Gate")).LatestExecution!.Token!;
        await _emulator.Engine.PutApprovalResultAsync(new PutApprovalResultRequest
        {
            PipelineName = "gated",
            StageName = "Approve",
            ActionName = "Gate",
            Token = token,
            Result = new ApprovalResult { Status = ApprovalStatus.Approved, Summary = ConsolePipelines.ImagePayload },
        });

        var (html, _) = await _emulator.GetPageAsync("/console/pipelines/gated");

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(&#x27;summary&#x27;)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_PipelineWithWaitingApproval_HasTheTokenAndStoppableExecution()
    {
        var executionId = await _emulator.StartExecutionAsync("gated");

        using var response = await _emulator.Http.GetAsync("/console/api/pipelines/gated");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var gate = root.GetProperty("stages")[1].GetProperty("actions")[0];
        Assert.Equal((await _emulator.ActionStateAsync("gated", "Approve", "Gate")).LatestExecution!.Token, gate.GetProperty("approvalToken").GetString());
        Assert.Equal("InProgress", gate.GetProperty("status").GetString());
        var execution = root.GetProperty("executions")[0];
        Assert.Equal(executionId, execution.GetProperty("id").GetString());
        Assert.True(execution.GetProperty("stoppable").GetBoolean());
    }

    [Theory]
    [InlineData("/console", "/console/api/pipelines")]
    [InlineData("/console/pipelines/gated", "/console/api/pipelines/gated")]
    public async Task Pages_PointTheScriptAtTheirJsonView(string page, string api)
    {
        var (html, _) = await _emulator.GetPageAsync(page);

        Assert.Contains($"data-api=\"{api}\"", html, StringComparison.Ordinal);
        using var response = await _emulator.Http.GetAsync(api);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ExecutionPage_PointsTheScriptAtItsJsonView()
    {
        var executionId = await _emulator.StartExecutionAsync("gated");
        var api = $"/console/api/pipelines/gated/executions/{executionId}";

        var (html, _) = await _emulator.GetPageAsync($"/console/pipelines/gated/executions/{executionId}");

        Assert.Contains($"data-api=\"{api}\"", html, StringComparison.Ordinal);
        using var response = await _emulator.Http.GetAsync(api);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("InProgress", root.GetProperty("execution").GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public async Task PipelinesList_ShowsLatestStatusAndLinks()
    {
        var executionId = await _emulator.StartExecutionAsync("gated");

        var (html, _) = await _emulator.GetPageAsync("/console");
        using var api = await _emulator.Http.GetAsync("/console/api/pipelines");
        var row = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement[0];

        Assert.Contains("href=\"/console/pipelines/gated\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/console/pipelines/gated/executions/{executionId}\"", html, StringComparison.Ordinal);
        Assert.Equal("gated", row.GetProperty("name").GetString());
        Assert.Equal("InProgress", row.GetProperty("latestStatus").GetString());
    }

    private Task<ListPipelineExecutionsResponse> ExecutionsAsync() =>
        _emulator.Engine.ListPipelineExecutionsAsync(new ListPipelineExecutionsRequest { PipelineName = "gated" });

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
