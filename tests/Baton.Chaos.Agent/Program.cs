using Baton.Agent.Hosting;
using Baton.Agent.PostgreSql;
using Baton.Chaos.Agent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// One replica of the chaos scenario. Everything comes from the command line and the environment:
//   --Baton:Agent:AgentId=replica-1 --Baton:Agent:StateDirectory=DIR (SQLite journal in DIR)
//   --Chaos:Journal=postgres --Baton:Agent:Journal:PostgreSql:* (the shared journal instead)
//   Baton__Agent__Continuation__Keys__0__Id / __Key (shared by all replicas)
//   AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (the emulator)
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Baton.Agent", LogLevel.Information);
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss.fff ";
});
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ => new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
builder.Services.AddSingleton(new ReplicaIdentity(builder.Configuration["Baton:Agent:AgentId"] ?? "replica"));
var agent = builder.Services
    .AddBatonAgent(o =>
    {
        o.DrainTimeout = TimeSpan.FromSeconds(5);
        // Ride out an emulator restart on a busy machine (it can be down for half a minute): a
        // report that fails for good stays in the journal until this replica restarts.
        o.ReportTimeout = TimeSpan.FromSeconds(90);
        o.Polling.IdlePollStart = TimeSpan.FromMilliseconds(200);
        o.Polling.IdlePollInterval = TimeSpan.FromSeconds(1);
        o.Polling.ErrorBackoffStart = TimeSpan.FromMilliseconds(200);
        o.Polling.ErrorBackoffMax = TimeSpan.FromSeconds(2);
    })
    .AddHandler<ChaosStepHandler>(ChaosStepHandler.ActionType, o => o.MaxConcurrency = 100)
    .ConfigureCodePipelineClient(o =>
    {
        o.MaxAttempts = 10;
        o.MaxDelay = TimeSpan.FromSeconds(10);
    });
if (builder.Configuration["Chaos:Journal"] == "postgres")
{
    // One journal shared by the replicas (connection string, schema and leases from the command
    // line): a peer adopts a killed replica's jobs once their lease expires.
    agent.UsePostgreSqlJournal();
}

using var host = builder.Build();
await host.RunAsync();
