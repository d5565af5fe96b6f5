using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Hosting;

/// <summary>
/// <c>baton demo</c>: will start the emulator, the load-test service and an agent in this process,
/// create a pipeline with the BatonLoadTest action and follow it with <see cref="Pipeline.PipelineWatchView"/>.
/// Not available in this build: it says so and exits <see cref="ExitCodes.NotAvailable"/>.
/// </summary>
/// <param name="console">Where the message goes.</param>
public sealed class DemoCommand(IAnsiConsole console) : Command<DemoSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        console.MarkupLine("baton demo: not yet available in this build. Run the parts yourself: baton emulator, baton loadtest serve, baton agent --config <file>, baton pipeline watch <name>.");
        return ExitCodes.NotAvailable;
    }
}
