using System.Net;
using Baton.Emulator.Admin;
using Baton.Emulator.Api;
using Baton.Emulator.Console;
using Baton.Emulator.S3;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Baton.Emulator.Hosting;

/// <summary>
/// Builds and runs the emulator: one Kestrel port on 127.0.0.1 serving the CodePipeline API
/// (<c>POST /</c> with <c>X-Amz-Target</c>), the admin API (<c>/_baton/...</c>) and the S3 API
/// (everything else). Usable in-process by tests and by the <c>baton</c> command line.
/// </summary>
public static class EmulatorHost
{
    /// <summary>Creates a builder with the emulator's services; add or replace services (a <see cref="TimeProvider"/>, say) before <see cref="BuildApp"/>.</summary>
    /// <param name="options">The emulator's options.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder CreateBuilder(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        // Per-request framework logs drown the emulator's own; keep them for warnings.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddBatonEmulator(options);
        return builder;
    }

    /// <summary>Builds the application and wires its request pipeline.</summary>
    /// <param name="builder">A builder from <see cref="CreateBuilder"/>.</param>
    /// <returns>The application, not yet started.</returns>
    public static WebApplication BuildApp(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseMiddleware<CodePipelineApiMiddleware>();
        app.UseS3Emulator();
        app.MapAdminApi();
        app.MapEmulatorConsole();
        return app;
    }

    /// <summary>The endpoint a started application listens on (the real port when 0 was asked).</summary>
    /// <param name="app">A started application.</param>
    /// <returns>For example <c>http://127.0.0.1:4599</c>.</returns>
    public static Uri GetEndpoint(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The emulator is not listening yet; start it before asking for its endpoint.");
        return EmulatorOptions.EndpointFor(new Uri(address).Port);
    }

    /// <summary>Runs the emulator until <paramref name="cancellationToken"/> fires or the process is asked to stop (Ctrl-C, SIGTERM).</summary>
    /// <param name="options">The emulator's options.</param>
    /// <param name="output">Where to print the endpoint and credentials.</param>
    /// <param name="cancellationToken">Stops the emulator.</param>
    /// <returns>The exit code: 0.</returns>
    public static async Task<int> RunAsync(EmulatorOptions options, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        await using var app = BuildApp(CreateBuilder(options));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = GetEndpoint(app);
        await output.WriteLineAsync(Banner(options, endpoint)).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The start-up text: endpoint, credentials, state location and timeouts.</summary>
    /// <param name="options">The emulator's options.</param>
    /// <param name="endpoint">The endpoint actually bound.</param>
    /// <returns>The text.</returns>
    public static string Banner(EmulatorOptions options, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        var url = endpoint.ToString().TrimEnd('/');
        return $"""
            Baton emulator listening on {url}
              CodePipeline + S3 endpoint: {url}   (aws codepipeline list-pipelines --endpoint-url {url})
              Credentials: AWS_ACCESS_KEY_ID={options.AccessKey} AWS_SECRET_ACCESS_KEY={options.SecretKey} AWS_REGION={options.Region} (auth: {options.Auth.ToString().ToLowerInvariant()})
              Account: {options.AccountId}
              State: {(options.DataDirectory is null ? "in memory (lost on exit)" : Path.GetFullPath(options.DataDirectory))}
              Timeouts: ack {DurationParser.Format(options.AckTimeout)}, job {DurationParser.Format(options.JobTimeout)}, action {DurationParser.Format(options.ActionTimeout)}, continuation delay {DurationParser.Format(options.ContinuationDelay)}
            Press Ctrl-C to stop.
            """;
    }
}
