using Baton.Agent.Artifacts;
using Baton.Agent.Hosting;
using Baton.CodePipeline.Signing;
using Baton.TestAgent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A Baton agent for the end-to-end tests: configured entirely from the command line in the
// Generic Host style (--TestAgent:Endpoint=… --Baton:Agent:StateDirectory=…), markers on stdout,
// logs on stderr. SIGTERM stops it gracefully (drain); exit code 0 after a clean stop.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss.fff ";
});
// Per-request HttpClient lines would push the agent's own lines out of the tests' failure output.
builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

var settings = builder.Configuration.GetSection(TestAgentOptions.SectionName).Get<TestAgentOptions>() ?? new TestAgentOptions();
var endpoint = settings.Endpoint ?? throw new InvalidOperationException("Set --TestAgent:Endpoint to the emulator's URL, e.g. http://127.0.0.1:4599.");
builder.Services.AddOptions<TestAgentOptions>().BindConfiguration(TestAgentOptions.SectionName);
builder.Services.AddHostedService<ParentProcessWatch>();
builder.Services.AddBatonAgent(builder.Configuration)
    .AddHandler<ScriptedStepHandler>(settings.ActionType)
    .ConfigureCodePipelineClient(o =>
    {
        o.Region = settings.Region;
        o.EndpointUrl = endpoint;
        o.Credentials = new AwsCredentials(settings.AccessKey, settings.SecretKey);
        o.BaseDelay = TimeSpan.FromMilliseconds(20);
        o.MaxDelay = TimeSpan.FromMilliseconds(200);
    });
builder.Services.Configure<ArtifactOptions>(o =>
{
    o.ServiceUrl = endpoint;
    o.Region = settings.Region;
});

using var host = builder.Build();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
lifetime.ApplicationStarted.Register(Markers.Started);
lifetime.ApplicationStopping.Register(Markers.Stopping);
await host.RunAsync();
return 0;
