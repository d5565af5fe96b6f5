using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.CodePipeline.Client;

/// <summary>Registers <see cref="CodePipelineClient"/> with dependency injection.</summary>
public static class CodePipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICodePipelineClient"/> as a typed <see cref="HttpClient"/> client
    /// (through <c>IHttpClientFactory</c>), its options (validated at start-up), the resolved
    /// <see cref="CodePipelineEndpoint"/> and <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; they can also be bound from configuration.</param>
    /// <returns>The HTTP client builder, to add handlers or set a timeout.</returns>
    public static IHttpClientBuilder AddCodePipelineClient(
        this IServiceCollection services, Action<CodePipelineClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CodePipelineClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<CodePipelineClientOptions>, CodePipelineClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Resolved once per container: typed clients are transient, the environment is not.
        services.TryAddSingleton(provider => CodePipelineEndpointResolver.Resolve(
            provider.GetRequiredService<IOptions<CodePipelineClientOptions>>().Value, ProcessAwsEnvironment.Instance));

        return services.AddHttpClient<ICodePipelineClient, CodePipelineClient>((httpClient, provider) => new CodePipelineClient(
            httpClient,
            provider.GetRequiredService<IOptions<CodePipelineClientOptions>>().Value,
            provider.GetRequiredService<CodePipelineEndpoint>(),
            provider.GetRequiredService<TimeProvider>(),
            Jitter.Shared,
            provider.GetService<ILogger<CodePipelineClient>>()));
    }
}
