using Baton.Agent.Handlers;
using Baton.CodePipeline.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baton.Agent.Hosting;

/// <summary>Adds handlers (one per action type) and client settings to a Baton agent.</summary>
public sealed class BatonAgentBuilder
{
    internal BatonAgentBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Runs jobs of an action type with <typeparamref name="THandler"/>. The action type id is
    /// <c>Category/Owner/Provider/Version</c>: owner <c>Custom</c> polls with PollForJobs,
    /// <c>ThirdParty</c> with PollForThirdPartyJobs. The id and the settings are validated when the
    /// host starts. The handler is registered as a singleton unless it is registered already.
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="actionType">The action type id, e.g. <c>Test/ThirdParty/BatonLoadTest/1</c>.</param>
    /// <param name="configure">Sets <see cref="HandlerOptions.MaxConcurrency"/> and <see cref="HandlerOptions.QueryParam"/>.</param>
    public BatonAgentBuilder AddHandler<THandler>(string actionType, Action<HandlerOptions>? configure = null)
        where THandler : class, IJobHandler
    {
        var options = new HandlerOptions();
        configure?.Invoke(options);
        Services.TryAddSingleton<THandler>();
        Services.Configure<AgentHandlerOptions>(o => o.Handlers.Add(new HandlerRegistration(actionType, typeof(THandler), options)));
        return this;
    }

    /// <summary>
    /// Sets the CodePipeline client's options in code (region, endpoint, credentials, retries). By
    /// default the client follows the AWS conventions: <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL</c>,
    /// profiles and the default credentials chain.
    /// </summary>
    /// <param name="configure">Sets the options.</param>
    public BatonAgentBuilder ConfigureCodePipelineClient(Action<CodePipelineClientOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}
