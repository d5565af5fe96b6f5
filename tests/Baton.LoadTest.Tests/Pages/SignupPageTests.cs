using System.Net;
using System.Text.Json;
using Baton.LoadTest.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Baton.LoadTest.Tests.Pages;

public sealed class SignupPageTests : IAsyncLifetime
{
    private const string ReturnUrl = "http://127.0.0.1:4599/_baton/third-party-return";
    private TestService _service = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _service = await TestService.StartAsync();
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _service.Url };
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _service.DisposeAsync();
    }

    private static string Handshake(string clientId = "client-1", string returnUrl = ReturnUrl) => JsonSerializer.Serialize(new
    {
        clientId,
        clientToken = "secret-token-1",
        correlationId = "corr-42",
        returnUrl,
        configuration = new Dictionary<string, string> { ["Duration"] = "45s" },
    });

    [Fact]
    public async Task Signup_ConsolePost_ShowsFormPrefilledFromConfiguration()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["request"] = Handshake(clientId: "<b>client</b>") });

        using var response = await _browser.PostAsync("/signup", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;b&gt;client&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>client</b>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"request\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Duration\" name=\"Duration\" value=\"45s\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signup_Submit_StoresMappingAndRedirectsWithCorrelationIdAndConfiguration()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["request"] = Handshake(),
            ["step"] = "connect",
            ["apiKey"] = TestService.Beta.ApiKey,
            ["TargetUrl"] = "http://127.0.0.1:8080/health",
            ["Duration"] = "30s",
            ["Rate"] = "50",
            ["Thresholds"] = "p95<300ms; errors<1%",
        });

        using var response = await _browser.PostAsync("/signup", form);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(ReturnUrl, location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("corr-42", query["correlationId"].ToString());
        var configuration = JsonSerializer.Deserialize<Dictionary<string, string>>(query["configuration"].ToString())!;
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["TargetUrl"] = "http://127.0.0.1:8080/health",
                ["Duration"] = "30s",
                ["Rate"] = "50",
                ["Thresholds"] = "p95<300ms; errors<1%",
            },
            configuration);
        Assert.Equal("secret-token-1", await _service.ConnectedClients.GetClientTokenAsync("client-1", CancellationToken.None));
        Assert.Equal(TestService.Beta.ApiKey, await _service.ConnectedClients.FindApiKeyAsync("client-1", CancellationToken.None));
    }

    [Fact]
    public async Task Signup_ReturnUrlWithQuery_KeepsItsQuery()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["request"] = Handshake(returnUrl: ReturnUrl + "?session=7"),
            ["step"] = "connect",
            ["apiKey"] = TestService.Alpha.ApiKey,
            ["TargetUrl"] = "http://localhost:8080/",
            ["Duration"] = "30s",
            ["Users"] = "5",
        });

        using var response = await _browser.PostAsync("/signup", form);

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("7", query["session"].ToString());
        Assert.Equal("corr-42", query["correlationId"].ToString());
    }

    [Fact]
    public async Task Signup_WrongApiKeyAndBadConfiguration_ShowsErrorsAndStoresNothing()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["request"] = Handshake(clientId: "client-2"),
            ["step"] = "connect",
            ["apiKey"] = "wrong",
            ["TargetUrl"] = "http://10.0.0.1/",
            ["Duration"] = "30s",
            ["Rate"] = "50",
        });

        using var response = await _browser.PostAsync("/signup", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"error-apiKey\">The API key was not recognised", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-TargetUrl\">", html, StringComparison.Ordinal);
        Assert.Contains("is not an allowed target", html, StringComparison.Ordinal);
        Assert.Null(await _service.ConnectedClients.FindApiKeyAsync("client-2", CancellationToken.None));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/return", "returnUrl must be an absolute http or https URL")]
    [InlineData("/relative", "returnUrl must be an absolute http or https URL")]
    public async Task Signup_BadReturnUrl_Returns400(string returnUrl, string message)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["request"] = Handshake(returnUrl: returnUrl) });

        using var response = await _browser.PostAsync("/signup", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "expects the CodePipeline console")]
    [InlineData("{not json", "is not the JSON document CodePipeline sends")]
    [InlineData("{\"clientId\":\"x\"}", "missing clientToken, correlationId, returnUrl")]
    public async Task Signup_BadRequestField_Returns400Explaining(string request, string message)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["request"] = request });

        using var response = await _browser.PostAsync("/signup", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
