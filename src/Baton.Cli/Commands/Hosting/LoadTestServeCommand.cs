using Baton.Cli.Infrastructure;
using Baton.LoadTest.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Hosting;

/// <summary><c>baton loadtest serve</c>: runs the load-test service in this process until Ctrl-C, then exits 0.</summary>
/// <param name="console">Where the banner goes.</param>
public sealed class LoadTestServeCommand(IAnsiConsole console) : AsyncCommand<LoadTestServeSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, LoadTestServeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!LoadTestCommandLine.TryParse(settings.ToArguments(), out var options, out var error))
        {
            throw new CliUsageException(error ?? "the load-test service options are invalid.");
        }

        await LoadTestService.RunAsync(options, console.Profile.Out.Writer, cancellationToken);
        return ExitCodes.Success;
    }
}
