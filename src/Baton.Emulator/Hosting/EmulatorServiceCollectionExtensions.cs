using Baton.Emulator.Admin;
using Baton.Emulator.Api;
using Baton.Emulator.Engine;
using Baton.Emulator.Faults;
using Baton.Emulator.S3;
using Baton.Emulator.S3.Auth;
using Baton.Emulator.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baton.Emulator.Hosting;

/// <summary>Registers the emulator's services.</summary>
public static class EmulatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pipeline engine, its state store (SQLite under the data directory, or memory),
    /// the S3 API for artifacts, the CodePipeline API pieces, metrics, faults and the timer service.
    /// Register a <see cref="TimeProvider"/> after this call to replace the system clock.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The emulator's options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddBatonEmulator(this IServiceCollection services, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (options.DataDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new EmulatorRandom(options.RandomSeed));
        services.AddSingleton(new FaultInjector(options.RandomSeed));
        services.AddSingleton<EmulatorMetrics>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<S3ArtifactStorage>();
        services.AddSingleton<IArtifactStorage>(sp => sp.GetRequiredService<S3ArtifactStorage>());
        services.AddSingleton<IS3RequestAuthorizer>(sp => sp.GetRequiredService<S3ArtifactStorage>());
        services.AddS3Emulator(s3 =>
        {
            s3.DataDirectory = options.DataDirectory is null ? null : Path.Combine(options.DataDirectory, "s3");
            s3.Region = options.Region;
            s3.VerifySignatures = options.Auth == EmulatorAuthMode.Verify;
        });
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<S3EmulatorOptions>>(sp =>
            new Microsoft.Extensions.Options.PostConfigureOptions<S3EmulatorOptions>(null, s3 =>
                s3.CredentialsLookup = key => sp.GetRequiredService<S3ArtifactStorage>().CredentialsOf(key)));
        services.AddSingleton(sp => new PipelineEngine(
            options,
            options.DataDirectory is null ? new InMemoryStateStore() : new SqliteStateStore(Path.Combine(options.DataDirectory, "emulator.db"), StoreJson.Options),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<EmulatorRandom>(),
            sp.GetRequiredService<IArtifactStorage>(),
            sp.GetRequiredService<ILogger<PipelineEngine>>()));
        services.AddHostedService<EngineTimerService>();
        return services;
    }
}
