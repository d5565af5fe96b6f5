using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Artifacts;

/// <summary>Registers the artifact store.</summary>
public static class ArtifactServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="JobArtifactsFactory"/> and <see cref="ArtifactOptions"/>, bound from
    /// <c>Baton:Agent:Artifacts</c> and validated at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after binding.</param>
    public static IServiceCollection AddBatonArtifacts(this IServiceCollection services, Action<ArtifactOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ArtifactOptions>().BindConfiguration(ArtifactOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ArtifactOptions>, ArtifactOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobArtifactsFactory>();
        return services;
    }
}
