using Baton.Emulator.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Hosting;

/// <summary><c>baton emulator</c>: runs the CodePipeline + S3 emulator in this process until Ctrl-C, then exits 0.</summary>
/// <param name="console">Where the banner goes.</param>
public sealed class EmulatorCommand(IAnsiConsole console) : AsyncCommand<EmulatorSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, EmulatorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = EmulatorCommandLine.Parse(settings.ToArguments()).Options!;
        await EmulatorHost.RunAsync(options, console.Profile.Out.Writer, cancellationToken);
        return ExitCodes.Success;
    }
}
