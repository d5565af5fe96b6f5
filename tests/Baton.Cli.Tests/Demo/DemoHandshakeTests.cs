using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baton.Cli.Commands.Demo;
using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.Emulator.ThirdParty;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Handler;

namespace Baton.Cli.Tests.Demo;

/// <summary>The demo's sign-up handshake against the real emulator and load-test service, and its failure message.</summary>
public sealed class DemoHandshakeTests : IAsyncLifetime
{
    private readonly HttpClient _browser = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private DemoServices _services = null!;
    private CodePipelineClient _client = null!;
    private IReadOnlyDictionary<string, string> _configuration = null!;

    public async Task InitializeAsync()
    {
        _services = await DemoServices.StartAsync(TimeProvider.System, CancellationToken.None);
        _client = _services.CreateClient(_browser, TimeProvider.System);
        using var definition = new StringContent(LoadTestActionType.DefinitionJson(_services.Service), Encoding.UTF8, "application/json");
        using var registered = await _browser.PostAsync(new Uri(_services.Emulator, "/_baton/third-party-action-types"), definition);
        registered.EnsureSuccessStatusCode();
        _configuration = new DemoScenario(false, TimeSpan.FromSeconds(10), DemoScenario.DefaultThresholds).LoadTestConfiguration(_services.Target);
        await _client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = DemoPipeline.Declaration(_configuration) });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _browser.Dispose();
    }

    [Fact]
    public async Task ConnectAsync_DemoAccount_StoresTheClientTokenAndSavesANewPipelineVersion()
    {
        var (signup, result) = await DemoHandshake.ConnectAsync(_browser, _services.Emulator, LoadTestAccount.Demo.ApiKey, _configuration, CancellationToken.None);

        Assert.Equal(new Uri(_services.Service, "signup"), signup);
        Assert.Equal(2, result.PipelineVersion);
        Assert.Equal(DemoPipeline.LoadTestAction, result.ActionName);
        Assert.Equal(2, (await _client.GetPipelineAsync(new GetPipelineRequest { Name = DemoScenario.PipelineName })).Pipeline!.Version);
        var clients = await _browser.GetFromJsonAsync<List<ThirdPartyClient>>(
            new Uri(_services.Emulator, $"/_baton/third-party-clients?pipeline={DemoScenario.PipelineName}"), JsonSerializerOptions.Web);
        var client = Assert.Single(clients!);
        Assert.Equal(client.ClientToken, await _services.Clients.GetClientTokenAsync(client.ClientId, CancellationToken.None));
        Assert.Equal(LoadTestAccount.Demo.ApiKey, await _services.Clients.FindApiKeyAsync(client.ClientId, CancellationToken.None));
    }

    [Fact]
    public async Task ConnectAsync_WrongApiKey_FailsNamingTheSignupFormStep()
    {
        var error = await Assert.ThrowsAsync<DemoException>(() =>
            DemoHandshake.ConnectAsync(_browser, _services.Emulator, "not-a-key", _configuration, CancellationToken.None));

        Assert.StartsWith("The handshake failed at the sign-up form: expected HTTP 303, got 400.", error.Message, StringComparison.Ordinal);
        Assert.Contains("The API key was not recognised", error.Message, StringComparison.Ordinal);
    }
}
