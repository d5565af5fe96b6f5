using System.Net;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Api;
using Baton.LoadTest.Pages;
using Baton.LoadTest.Running;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Baton.LoadTest.Hosting;

/// <summary>
/// Builds and runs the load-test service on 127.0.0.1: the REST API (<c>/api/v1/tests</c>), the
/// details pages (<c>/tests/{id}</c>), the sign-up page (<c>/signup</c>) and the background runner.
/// Runs alone (<c>dotnet run --project src/Baton.LoadTest</c>) or in-process (tests, <c>baton demo</c>).
/// </summary>
public static class LoadTestService
{
    /// <summary>
    /// Creates a builder with the service's services; replace any (a <see cref="TimeProvider"/>, say)
    /// before <see cref="BuildApp"/>. The store is chosen here: PostgreSQL settings the options leave
    /// unset come from configuration (see <see cref="LoadTestStoreSelection"/>).
    /// </summary>
    /// <param name="options">The service options.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder CreateBuilder(LoadTestServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LoadTestService).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        options = LoadTestStoreSelection.Apply(options, builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddLoadTestService(options);
        return builder;
    }

    /// <summary>Registers the service's parts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The service options.</param>
    /// <returns>The collection.</returns>
    public static IServiceCollection AddLoadTestService(this IServiceCollection services, LoadTestServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        LoadTestStoreSelection.AddStore(services, options);
        services.AddSingleton(new AccountDirectory(options.EffectiveAccounts));
        services.AddSingleton(new TargetAllowList(options.EffectiveAllowedTargets));
        services.AddSingleton<TestRequestValidator>();
        services.AddSingleton<TestQueue>();
        services.AddSingleton<RunningTests>();
        services.AddSingleton<TestChangeFeed>();
        services.AddSingleton<ConnectedClients>();
        services.AddHostedService<TestRunnerService>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>Builds the application and maps its endpoints.</summary>
    /// <param name="builder">A builder from <see cref="CreateBuilder"/>.</param>
    /// <returns>The application, not yet started.</returns>
    public static WebApplication BuildApp(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseStatusCodePages();
        app.MapLoadTestService();
        return app;
    }

    /// <summary>Maps every endpoint of the service.</summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapLoadTestService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTestsApi();
        endpoints.MapDetailsPages();
        endpoints.MapSignupPage();
        endpoints.MapHomePage();
        return endpoints;
    }

    /// <summary>The base URL a started application listens on (the real port when 0 was asked).</summary>
    /// <param name="app">A started application.</param>
    /// <returns>For example <c>http://127.0.0.1:5080/</c>.</returns>
    public static Uri GetServiceUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The load-test service is not listening yet; start it before asking for its URL.");
        return new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
    }

    /// <summary>Runs the service until <paramref name="cancellationToken"/> fires or the process is asked to stop.</summary>
    /// <param name="options">The service options.</param>
    /// <param name="output">Where to print the banner.</param>
    /// <param name="cancellationToken">Stops the service.</param>
    /// <returns>The exit code: 0.</returns>
    public static async Task<int> RunAsync(LoadTestServiceOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var app = BuildApp(CreateBuilder(options));
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var url = GetServiceUrl(app);
            var store = LoadTestStoreSelection.Describe(app.Services.GetRequiredService<LoadTestServiceOptions>(), app.Services);
            await output.WriteLineAsync($"""
                Baton load-test service listening on {url}
                  API:      {url}api/v1/tests   (Authorization: Bearer <key>)
                  Accounts: {string.Join(", ", options.EffectiveAccounts.Select(a => a.Id))}{(options.Accounts.Count == 0 ? " (API key baton-demo-key)" : string.Empty)}
                  Sign-up:  {url}signup
                  Targets:  {string.Join(", ", options.EffectiveAllowedTargets)}
                  Store:    {store}
                Press Ctrl-C to stop.
                """).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
