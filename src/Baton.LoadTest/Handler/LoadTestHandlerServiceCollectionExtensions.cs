using Baton.LoadTest.Accounts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baton.LoadTest.Handler;

/// <summary>Registers the <see cref="LoadTestHandler"/> for an agent host.</summary>
public static class LoadTestHandlerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LoadTestHandler"/>, its typed <see cref="LoadTestServiceClient"/> (30 s per call)
    /// and its options. Register an <see cref="ILoadTestAccountResolver"/> (the service's
    /// <see cref="ConnectedClients"/> when in-process) for third-party client-id mapping.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (at least <see cref="LoadTestHandlerOptions.ServiceUrl"/>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLoadTestHandler(this IServiceCollection services, Action<LoadTestHandlerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<LoadTestServiceClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddTransient(sp => new LoadTestHandler(
            sp.GetRequiredService<LoadTestServiceClient>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<LoadTestHandlerOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LoadTestHandler>>(),
            sp.GetService<ILoadTestAccountResolver>()));
        return services;
    }
}
