using System.Net;
using System.Text.Json;
using Baton.LoadTest.Tests.Infrastructure;

namespace Baton.LoadTest.Tests.Pages;

/// <summary>
/// A client id connected to one account cannot be taken over by another: only a sign-up
/// authenticated as the owning account may connect it again (over real HTTP).
/// </summary>
public sealed class SignupRebindingTests : IAsyncLifetime
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

    [Fact]
    public async Task Signup_ClientIdOfAnotherAccount_RefusedWith403AndTheMappingKept()
    {
        using (var owner = await ConnectAsync("client-7", "token-of-alpha", TestService.Alpha.ApiKey))
        {
            Assert.Equal(HttpStatusCode.SeeOther, owner.StatusCode);
        }

        using var attacker = await ConnectAsync("client-7", "token-made-up", TestService.Beta.ApiKey);
        var html = await attacker.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, attacker.StatusCode);
        Assert.Contains("already connected to another load-test account", html, StringComparison.Ordinal);
        Assert.Contains("only that account can connect it again", html, StringComparison.Ordinal);
        Assert.DoesNotContain("token-made-up", html, StringComparison.Ordinal);
        var stored = await _service.Store.FindClientAsync("client-7", CancellationToken.None);
        Assert.Equal("alpha", stored!.AccountId);
        Assert.Equal("token-of-alpha", stored.ClientToken);
        Assert.Equal("token-of-alpha", await _service.ConnectedClients.GetClientTokenAsync("client-7", CancellationToken.None));
        Assert.Equal(TestService.Alpha.ApiKey, await _service.ConnectedClients.FindApiKeyAsync("client-7", CancellationToken.None));
    }

    [Fact]
    public async Task Signup_ClientIdOfTheSameAccount_ReboundWithTheNewToken()
    {
        using (var first = await ConnectAsync("client-8", "token-1", TestService.Alpha.ApiKey))
        {
            Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        }

        using var again = await ConnectAsync("client-8", "token-2", TestService.Alpha.ApiKey);

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var stored = await _service.Store.FindClientAsync("client-8", CancellationToken.None);
        Assert.Equal("alpha", stored!.AccountId);
        Assert.Equal("token-2", stored.ClientToken);
    }

    [Fact]
    public async Task Signup_NewClientId_ConnectedToTheAuthenticatedAccount()
    {
        using var response = await ConnectAsync("client-9", "token-9", TestService.Beta.ApiKey);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("beta", (await _service.Store.FindClientAsync("client-9", CancellationToken.None))!.AccountId);
    }

    private async Task<HttpResponseMessage> ConnectAsync(string clientId, string clientToken, string apiKey)
    {
        var handshake = JsonSerializer.Serialize(new
        {
            clientId,
            clientToken,
            correlationId = "corr-1",
            returnUrl = ReturnUrl,
            configuration = new Dictionary<string, string>(),
        });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["request"] = handshake,
            ["step"] = "connect",
            ["apiKey"] = apiKey,
            ["TargetUrl"] = "http://127.0.0.1:8080/health",
            ["Duration"] = "30s",
            ["Rate"] = "5",
        });
        return await _browser.PostAsync("/signup", form);
    }
}
