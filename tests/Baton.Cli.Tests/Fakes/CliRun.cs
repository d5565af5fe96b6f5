using Baton.Cli.Infrastructure;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Baton.Cli.Tests.Fakes;

/// <summary>Runs the baton command tree in-process on a plain, wide, colourless console and captures what it printed.</summary>
public static class CliRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        await RunAsync(args, CancellationToken.None);

    public static async Task<(int ExitCode, string Output)> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var app = BatonApp.Create(console, services =>
        {
            services.AddSingleton(new TerminalMode(Live: false));
            services.AddSingleton<ICodePipelineClientFactory>(new CodePipelineClientFactory(TimeProvider.System, options =>
            {
                options.Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
                options.MaxAttempts = 1;
            }));
        }, cancellationToken);
        var exitCode = await app.RunAsync(args, cancellationToken);
        return (exitCode, writer.ToString());
    }
}
