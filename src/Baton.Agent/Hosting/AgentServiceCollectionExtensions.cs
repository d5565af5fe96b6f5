using Baton.Agent.Artifacts;
using Baton.Agent.Continuation;
using Baton.Agent.Drain;
using Baton.Agent.Jobs;
using Baton.Agent.Journal;
using Baton.Agent.Options;
using Baton.Agent.Polling;
using Baton.Agent.Telemetry;
using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Hosting;

/// <summary>Registers a Baton agent with the Generic Host.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>The name of the agent's health check.</summary>
    public const string HealthCheckName = "baton-agent";

    /// <summary>
    /// Registers the agent: <see cref="AgentOptions"/> bound from the <c>Baton:Agent</c> section of
    /// the host's configuration (then <paramref name="configure"/>) and validated at start, the
    /// CodePipeline client, the journal (SQLite at <c>&lt;StateDirectory&gt;/journal.db</c> unless an
    /// <see cref="IJobJournal"/> is registered first), the continuation key ring and codec, the
    /// artifact store (<see cref="ArtifactServiceCollectionExtensions.AddBatonArtifacts"/>), telemetry,
    /// the <c>baton-agent</c> health check and the hosted service. Add handlers on the result.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code, after configuration.</param>
    public static BatonAgentBuilder AddBatonAgent(this IServiceCollection services, Action<AgentOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>Registers the agent with options bound from the <c>Baton:Agent</c> section of <paramref name="configuration"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (its <c>Baton:Agent</c> section is bound).</param>
    public static BatonAgentBuilder AddBatonAgent(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName));
        return AddCore(services);
    }

    private static BatonAgentBuilder AddCore(IServiceCollection services)
    {
        var builder = new BatonAgentBuilder(services);
        if (services.Any(d => d.ServiceType == typeof(JobAgent)))
        {
            return builder;
        }

        services.AddOptions<AgentOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<AgentOptions>, AgentIdentity>();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.AddOptions<AgentHandlerOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentHandlerOptions>, AgentHandlerOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJitterSource, SharedJitterSource>();
        if (!services.Any(d => d.ServiceType == typeof(ICodePipelineClient)))
        {
            services.AddCodePipelineClient();
        }

        services.TryAddSingleton<IClientTokenProvider, ConfigurationClientTokenProvider>();
        services.TryAddSingleton(provider => ContinuationKeyRingLoader.Load(
            provider.GetRequiredService<IOptions<AgentOptions>>().Value,
            provider.GetRequiredService<ILogger<ContinuationKeyRing>>()));
        services.TryAddSingleton(provider => new ContinuationCodec(provider.GetRequiredService<ContinuationKeyRing>()));
        services.TryAddSingleton<IJobJournal>(provider =>
        {
            var agent = provider.GetRequiredService<IOptions<AgentOptions>>().Value;
            return SqliteJobJournal.Open(agent.Journal.ResolvePath(agent.StateDirectory));
        });
        services.TryAddSingleton(provider => new AgentTelemetry(provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(provider => new JobDrain(provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AgentStatus>();
        services.AddBatonArtifacts();
        services.AddSingleton(JobAgentFactory.Create);
        services.AddHostedService<AgentHostedService>();
        services.AddHealthChecks().AddCheck<AgentHealthCheck>(HealthCheckName, HealthStatus.Unhealthy, ["baton"]);
        return builder;
    }
}
