using Baton.Agent.Hosting;
using Baton.Samples.HelloHandler;
using Microsoft.Extensions.Hosting;

// The Generic Host reads appsettings.json, environment variables (Baton__Agent__DrainTimeout=00:00:10)
// and the command line (--Baton:Agent:DrainTimeout=00:00:10).
var builder = Host.CreateApplicationBuilder(args);

// Reports "ready" and "stopping" to systemd when run as a Type=notify unit; does nothing elsewhere.
builder.Services.AddSystemd();

// Baton:Agent options come from configuration. The CodePipeline client follows the AWS conventions:
// AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL(_CODEPIPELINE) and the default credentials chain.
builder.Services.AddBatonAgent()
    .AddHandler<HelloHandler>("Test/Custom/BatonHello/1", handler => handler.MaxConcurrency = 2);

using var host = builder.Build();
await host.RunAsync();
