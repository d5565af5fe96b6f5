
namespace Baton.Emulator.Engine;

/// <summary>The engine's log messages. Secrets (client tokens, credentials, secret configuration) are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Engine started: {Pipelines} pipelines, {Executions} executions in progress, {Jobs} open jobs")]
    public static partial void EngineStarted(ILogger logger, int pipelines, int executions, int jobs);

    [LoggerMessage(2, LogLevel.Information, "Pipeline {Pipeline} execution {ExecutionId} finished: {Status}")]
    public static partial void ExecutionFinished(ILogger logger, string pipeline, string executionId, string status);

    [LoggerMessage(3, LogLevel.Information, "Action {Pipeline}/{Stage}/{Action} finished: {Status}")]
    public static partial void ActionFinished(ILogger logger, string pipeline, string stage, string action, string status);

    [LoggerMessage(4, LogLevel.Debug, "Job {JobId} created for {Pipeline}/{Action} (continuation: {IsContinuation})")]
    public static partial void JobCreated(ILogger logger, string jobId, string pipeline, string action, bool isContinuation);

    [LoggerMessage(5, LogLevel.Debug, "Job {JobId} dispatched (dispatch {Dispatch})")]
    public static partial void JobDispatched(ILogger logger, string jobId, int dispatch);

    [LoggerMessage(6, LogLevel.Debug, "Job {JobId} acknowledged")]
    public static partial void JobAcknowledged(ILogger logger, string jobId);

    [LoggerMessage(7, LogLevel.Information, "Job {JobId} was not acknowledged in time and returns to the queue")]
    public static partial void JobRequeued(ILogger logger, string jobId);

    [LoggerMessage(8, LogLevel.Debug, "Job {JobId} completed: {Status}")]
    public static partial void JobCompleted(ILogger logger, string jobId, string status);

    [LoggerMessage(9, LogLevel.Information, "Action type {ActionType} created")]
    public static partial void ActionTypeCreated(ILogger logger, string actionType);

    [LoggerMessage(10, LogLevel.Information, "Action type {ActionType} deleted")]
    public static partial void ActionTypeDeleted(ILogger logger, string actionType);

    [LoggerMessage(11, LogLevel.Information, "Pipeline {Pipeline} saved (version {Version})")]
    public static partial void PipelineSaved(ILogger logger, string pipeline, int version);

    [LoggerMessage(12, LogLevel.Information, "Third-party action {Pipeline}/{Action} reconfigured through the connect handshake")]
    public static partial void HandshakeCompleted(ILogger logger, string pipeline, string action);
}
