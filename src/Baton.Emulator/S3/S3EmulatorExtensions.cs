using Baton.Emulator.S3.Auth;
using Baton.Emulator.S3.Handlers;
using Baton.Emulator.S3.Multipart;
using Baton.Emulator.S3.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Baton.Emulator.S3;

/// <summary>Adds the emulated S3 API to an ASP.NET Core host.</summary>
public static class S3EmulatorExtensions
{
    /// <summary>
    /// Registers the emulated S3: options (validated at start), the object store (in memory, or
    /// on disk under <see cref="S3EmulatorOptions.DataDirectory"/>), <see cref="EmulatedS3"/> for
    /// in-process use, and an allow-all <see cref="IS3RequestAuthorizer"/> unless one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection AddS3Emulator(this IServiceCollection services, Action<S3EmulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<S3EmulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3EmulatorOptions>, S3EmulatorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IS3RequestAuthorizer, AllowAllS3RequestAuthorizer>();
        services.TryAddSingleton<IObjectStore>(CreateStore);
        services.TryAddSingleton<MultipartUploads>();
        services.TryAddSingleton<EmulatedS3>();
        services.TryAddSingleton<S3Authenticator>();
        services.TryAddSingleton<BucketHandlers>();
        services.TryAddSingleton<ListHandlers>();
        services.TryAddSingleton<ObjectHandlers>();
        services.TryAddSingleton<CopyObjectHandler>();
        services.TryAddSingleton<DeleteObjectsHandler>();
        services.TryAddSingleton<MultipartHandlers>();
        services.TryAddSingleton<S3Dispatcher>();
        services.TryAddSingleton<S3Middleware>();
        return services;
    }

    /// <summary>
    /// Serves S3 requests and passes every other request on. Place it before the host's
    /// endpoints; which requests are S3 requests is documented on <see cref="S3Routing"/>.
    /// </summary>
    /// <param name="app">The application.</param>
    public static IApplicationBuilder UseS3Emulator(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<S3Middleware>();
    }

    private static IObjectStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<S3EmulatorOptions>>().Value;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        if (options.DataDirectory is null)
        {
            return new InMemoryObjectStore(timeProvider);
        }

        var logger = services.GetRequiredService<ILogger<FileSystemObjectStore>>();
        Log.StoreOpened(logger, options.DataDirectory);
        return new FileSystemObjectStore(options.DataDirectory, timeProvider, logger);
    }
}
