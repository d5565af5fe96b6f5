using Baton.Agent.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.Tests.Fakes;

/// <summary>
/// Generic hosts for the registration tests: no default configuration sources, a fake clock (so
/// idle waits never pass unless a test advances it), and an agent state directory of the test's own.
/// </summary>
internal static class AgentHostBuilder
{
    public static HostApplicationBuilder Create(string stateDirectory, IEnumerable<KeyValuePair<string, string?>>? configuration = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection([new("Baton:Agent:StateDirectory", stateDirectory), .. configuration ?? []]);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(RunnerHarness.Start));
        return builder;
    }

    /// <summary>Registers the agent, pointing its client at a closed loopback port (for hosts that must not start polling).</summary>
    public static BatonAgentBuilder AddAgentWithoutEndpoint(this HostApplicationBuilder builder) =>
        builder.Services.AddBatonAgent().ConfigureCodePipelineClient(o =>
        {
            o.Region = "us-east-1";
            o.EndpointUrl = new Uri("http://127.0.0.1:9");
            o.Credentials = new CodePipeline.Signing.AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
            o.MaxAttempts = 1;
        });
}
