using System.Reflection;
using System.Runtime.InteropServices;
using Baton.Cli.Commands.Action;
using Baton.Cli.Commands.Demo;
using Baton.Cli.Commands.Hosting;
using Baton.Cli.Commands.LoadTest;
using Baton.Cli.Commands.Pipeline;
using Baton.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli;

/// <summary>
/// The <c>baton</c> command tree. <see cref="RunAsync"/> is the process entry (console, Ctrl-C);
/// <see cref="Create"/> builds the same tree on any console with replaceable services, for tests
/// and for embedding.
/// </summary>
public static class BatonApp
{
    /// <summary>Runs the command line on the process console; the first Ctrl-C or SIGTERM cancels the command cleanly.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>One of the <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // The first Ctrl-C asks the command to stop and report; a second one ends the process.
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        }

        Console.CancelKeyPress += OnCancel;

        // SIGTERM (systemd, a container runtime, kill) stops a command the way Ctrl-C does.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                context.Cancel = true;
                cancellation.Cancel();
            }
        });
        try
        {
            var console = AnsiConsole.Console;
            var app = Create(console, services => services.AddSingleton(TerminalMode.Detect(console)), cancellation.Token);
            return await app.RunAsync(args, cancellation.Token);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    /// <summary>Builds the command tree.</summary>
    /// <param name="console">Where commands write.</param>
    /// <param name="configureServices">Registers or replaces services (a <see cref="TimeProvider"/>, an <see cref="ICodePipelineClientFactory"/>, the <see cref="TerminalMode"/>).</param>
    /// <param name="cancellation">The token the run is cancelled with, to report cancellation as <see cref="ExitCodes.Cancelled"/>.</param>
    /// <returns>The application; run it with <c>RunAsync(args, cancellation)</c>.</returns>
    public static CommandApp Create(IAnsiConsole console, Action<IServiceCollection>? configureServices = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var services = new ServiceCollection();
        services.AddSingleton(console);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new TerminalMode(Live: false));
        services.AddSingleton<ICodePipelineClientFactory>(provider => new CodePipelineClientFactory(provider.GetRequiredService<TimeProvider>()));
        configureServices?.Invoke(services);

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("baton");
            config.SetApplicationVersion(Version);
            config.ConfigureConsole(console);
            config.Settings.StrictParsing = true;
            config.Settings.CancellationExitCode = ExitCodes.Cancelled;
            config.SetExceptionHandler((exception, _) => CliErrors.Handle(console, exception, cancellation));
            Register(config);
        });
        return app;
    }

    private static string Version =>
        typeof(BatonApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static void Register(IConfigurator config)
    {
        config.AddCommand<DemoCommand>("demo")
            .WithDescription(
                "Run the whole Baton story in this process on 127.0.0.1, no AWS account needed: the CodePipeline emulator, the load-test "
                + "service, a sample app and an agent. Creates a pipeline Source (S3) -> LoadTest (third-party action, connected through the "
                + "vendor's sign-up page) -> Release (a manual approval the demo approves), runs it and shows each continuation step, the "
                + "percent complete, the Details link and the console URL. Exit code 0 when the pipeline succeeds, 1 when it fails.")
            .WithExample("demo")
            .WithExample("demo", "--duration", "15s", "--plain")
            .WithExample("demo", "--fail")
            .WithExample("demo", "--keep");
        config.AddCommand<EmulatorCommand>("emulator")
            .WithDescription("Run the local CodePipeline + S3 emulator.")
            .WithExample("emulator", "--port", "4599", "--data-dir", "./baton-data");
        config.AddCommand<AgentCommand>("agent")
            .WithDescription("Run a job agent (the BatonLoadTest handler) from a configuration file; runs as a systemd notify service when started by systemd.")
            .WithExample("agent", "--config", "agent.json", "--once")
            .WithExample("agent", "--config", "/etc/baton/agent.json", "--", "--Baton:Agent:DrainTimeout=00:00:10");
        config.AddBranch("loadtest", loadtest =>
        {
            loadtest.SetDescription("Generate HTTP load, or run the load-test service.");
            loadtest.AddCommand<LoadTestRunCommand>("run")
                .WithDescription("Send HTTP load to a URL and check thresholds.")
                .WithExample("loadtest", "run", "http://127.0.0.1:8080/", "--rate", "50", "--duration", "30s", "--thresholds", "p95<300ms; errors<1%")
                .WithExample("loadtest", "run", "http://127.0.0.1:8080/", "--users", "10", "--duration", "1m", "--think-time", "100ms");
            loadtest.AddCommand<LoadTestServeCommand>("serve")
                .WithDescription("Run the load-test service (the vendor backend of the BatonLoadTest action).")
                .WithExample("loadtest", "serve", "--port", "5080", "--in-memory");
        });
        config.AddBranch("pipeline", pipeline =>
        {
            pipeline.SetDescription("Start and follow pipeline executions on AWS CodePipeline or the emulator.");
            pipeline.AddCommand<PipelineStartCommand>("start")
                .WithDescription("Start an execution of a pipeline.")
                .WithExample("pipeline", "start", "my-pipeline", "--variable", "env=staging", "--endpoint-url", "http://127.0.0.1:4599");
            pipeline.AddCommand<PipelineStatusCommand>("status")
                .WithDescription("Show the state of a pipeline's stages and actions.");
            pipeline.AddCommand<PipelineWatchCommand>("watch")
                .WithDescription("Follow an execution until it ends; exit 0 when it succeeds, 1 when it fails or stops.");
        });
        config.AddBranch("action", action =>
        {
            action.SetDescription("Manage action types.");
            action.AddCommand<ActionRegisterCommand>("register")
                .WithDescription("Register a custom action type (or, with --third-party, a partner type on the emulator) from a JSON file.")
                .WithExample("action", "register", "--file", "action-type.json", "--endpoint-url", "http://127.0.0.1:4599");
        });
    }
}
