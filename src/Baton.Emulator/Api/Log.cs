using Baton.Emulator.Faults;

namespace Baton.Emulator.Api;

/// <summary>The API layer's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Debug, "{Operation} answered {ErrorCode} (HTTP {Status})")]
    public static partial void ErrorAnswered(ILogger logger, string operation, string errorCode, int status);

    [LoggerMessage(102, LogLevel.Error, "{Operation} failed unexpectedly; answered InternalFailure")]
    public static partial void UnexpectedFailure(ILogger logger, Exception exception, string operation);

    [LoggerMessage(103, LogLevel.Information, "Injected fault {Kind} into {Operation}")]
    public static partial void FaultInjected(ILogger logger, FaultKind kind, string operation);
}
