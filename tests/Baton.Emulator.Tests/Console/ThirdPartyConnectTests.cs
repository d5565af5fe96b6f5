using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Console;

public sealed partial class ThirdPartyConnectTests : IAsyncLifetime
{
    private ConsoleEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ConsoleEmulator.StartAsync();
        await _emulator.Engine.RegisterThirdPartyActionTypeAsync(Pipelines.LoadTestDefinition());
        await _emulator.Engine.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Pipelines.SourceThenAction("partner", Pipelines.LoadTestType(ActionOwner.ThirdParty)) });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Connect_ThirdPartyAction_PostsTheRequestDocumentToTheConfigurationPage()
    {
        var (page, token) = await _emulator.GetPageAsync("/console/pipelines/partner");
        Assert.Contains("data-command=\"connect\"", page, StringComparison.Ordinal);
        var client = Assert.Single(await _emulator.Engine.ListThirdPartyClientsAsync("partner"));
        Assert.DoesNotContain(client.ClientToken, page, StringComparison.Ordinal);

        using var response = await _emulator.PostFormAsync("/console/pipelines/partner/connect", [new("_csrf", token), new("action", "LoadTest")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<form method=\"post\" data-autosubmit=\"true\" action=\"https://loadtest.example/connect\">", html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://loadtest.example;", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var document = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(RequestField().Match(html).Groups[1].Value)).RootElement;
        Assert.Equal(client.ClientId, document.GetProperty("clientId").GetString());
        Assert.Equal(client.ClientToken, document.GetProperty("clientToken").GetString());
        Assert.Equal(new Uri(_emulator.Endpoint, "/console/connect/return").ToString(), document.GetProperty("returnUrl").GetString());
        Assert.Equal("shop", document.GetProperty("configuration").GetProperty("Project").GetString());

        var correlationId = document.GetProperty("correlationId").GetString()!;
        using var back = await _emulator.Http.GetAsync($"/console/connect/return?correlationId={correlationId}&configuration={Uri.EscapeDataString("{\"Project\":\"shop2\"}")}");

        Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
        Assert.Equal("/console/pipelines/partner", back.Headers.Location!.OriginalString);
        var pipeline = (await _emulator.Engine.GetPipelineAsync(new GetPipelineRequest { Name = "partner" })).Pipeline!;
        Assert.Equal(2, pipeline.Version);
        Assert.Equal("shop2", pipeline.Stages[1].Actions[0].Configuration!["Project"]);
    }

    [Fact]
    public async Task ConnectReturn_UnknownCorrelationOrBadConfiguration_ShowsWhatToDo()
    {
        using var unknown = await _emulator.Http.GetAsync("/console/connect/return?correlationId=nope&configuration=%7B%7D");
        using var bad = await _emulator.Http.GetAsync("/console/connect/return?correlationId=nope&configuration=%5B1%5D");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("start the connect step again", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("configuration must be a JSON object", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ActionThatIsNotThirdParty_ShowsTheError()
    {
        var (_, token) = await _emulator.GetPageAsync("/console/pipelines/partner");

        using var response = await _emulator.PostFormAsync("/console/pipelines/partner/connect", [new("_csrf", token), new("action", "Fetch")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("has no third-party action named &#x27;Fetch&#x27;", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"request\" value=\"([^\"]*)\">")]
    private static partial Regex RequestField();
}
