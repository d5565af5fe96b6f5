using Spectre.Console;

namespace Baton.Cli.Infrastructure;

/// <summary>
/// Whether commands draw live views (Spectre Live/Progress, redrawn in place) or write plain
/// lines. Live needs an interactive ANSI terminal; redirected output (a file, a pipe, CI logs)
/// gets plain lines that read well in a log.
/// </summary>
/// <param name="Live">True to draw live views.</param>
public sealed record TerminalMode(bool Live)
{
    /// <summary>The mode for this process's console.</summary>
    /// <param name="console">The console commands write to.</param>
    /// <returns>Live on an interactive ANSI terminal whose output is not redirected, plain otherwise.</returns>
    public static TerminalMode Detect(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var capabilities = console.Profile.Capabilities;
        return new TerminalMode(capabilities.Ansi && capabilities.Interactive && !Console.IsOutputRedirected);
    }
}
