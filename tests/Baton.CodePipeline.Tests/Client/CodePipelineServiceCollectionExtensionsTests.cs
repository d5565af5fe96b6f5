using System.Net;
using Baton.CodePipeline.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Baton.CodePipeline.Tests.Client;

public class CodePipelineServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddCodePipelineClient_Configured_ResolvesAWorkingClient()
    {
        await using var server = await ScriptedCodePipelineServer.StartAsync();
        server.ThenJson(HttpStatusCode.OK, """{"jobs":[]}""");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new BackoffClock());
        services.AddCodePipelineClient(o =>
        {
            o.Region = "us-east-1";
            o.EndpointUrl = server.Url;
            o.Credentials = ClientHarness.Credentials;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ICodePipelineClient>();
        await client.PollForJobsAsync(ClientHarness.PollRequest);

        Assert.Equal(server.Url, provider.GetRequiredService<CodePipelineEndpoint>().Url);
        var request = Assert.Single(server.Requests);
        Assert.True(SignatureCheck.Verify(request, BackoffClock.Epoch, "us-east-1", ClientHarness.Credentials).IsValid);
    }

    [Fact]
    public void AddCodePipelineClient_InvalidOptions_FailsWithTheValidationMessage()
    {
        var services = new ServiceCollection();
        services.AddCodePipelineClient(o =>
        {
            o.Region = "us-east-1";
            o.MaxAttempts = 0;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICodePipelineClient>());

        Assert.Contains("CodePipelineClientOptions.MaxAttempts is 0", error.Message);
    }
}
