using Baton.Agent.Hosting;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.PostgreSql.Tests.Infrastructure;

/// <summary>One agent replica in a generic host: real clock, the emulator as CodePipeline, the test's PostgreSQL schema as journal.</summary>
internal static class TestAgentHost
{
    public static IHost Build(string agentId, string stateDirectory, Uri endpoint, TestDatabase database, ScriptedHandler handler, AgentSignals signals)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(
        [
            new("Baton:Agent:AgentId", agentId),
            new("Baton:Agent:StateDirectory", stateDirectory),
            new("Baton:Agent:Polling:IdlePollStart", "00:00:00.050"),
            new("Baton:Agent:Polling:IdlePollInterval", "00:00:00.200"),
        ]);
        builder.Services.AddLogging(logging => logging.AddProvider(signals));
        builder.Services.AddSingleton(handler);
        builder.Services.AddBatonAgent()
            .ConfigureCodePipelineClient(o =>
            {
                o.Region = "us-east-1";
                o.EndpointUrl = endpoint;
                o.Credentials = new AwsCredentials("test", "test");
            })
            .AddHandler<ScriptedHandler>(Entries.ActionType)
            .UsePostgreSqlJournal(database.ConnectionString, o =>
            {
                o.Schema = database.Schema;
                o.Lease.LeaseDuration = TimeSpan.FromSeconds(2);
                o.Lease.RenewInterval = TimeSpan.FromMilliseconds(500);
                o.Lease.AdoptInterval = TimeSpan.FromMilliseconds(200);
            });
        return builder.Build();
    }
}
