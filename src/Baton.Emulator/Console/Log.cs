namespace Baton.Emulator.Console;

/// <summary>The console's log messages. Approval tokens, client tokens and form contents are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information, "Console: {Command} on pipeline {Pipeline} ({Subject})")]
    public static partial void CommandRun(ILogger logger, string command, string pipeline, string subject);

    [LoggerMessage(3002, LogLevel.Warning, "Console refused a POST to {Path}: {Reason}")]
    public static partial void CommandRefused(ILogger logger, string path, string reason);
}
