using Microsoft.Extensions.Logging;

namespace Baton.Agent;

/// <summary>The agent's log messages. Client tokens, credentials and handler state never appear here.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning,
        "No continuation keys are configured, so the agent uses the key it generated in {KeyPath}. This works for one agent only: several replicas must share keys in Baton:Agent:Continuation:Keys, or each fails the others' continuation tokens.")]
    public static partial void UsingGeneratedContinuationKey(ILogger logger, string keyPath);

    [LoggerMessage(2, LogLevel.Warning, "Could not acknowledge job {JobId}; leaving it for CodePipeline to redeliver.")]
    public static partial void AcknowledgeFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Job {JobId} was acknowledged with status {Status}, not InProgress: another worker owns it, so it is dropped.")]
    public static partial void JobNotInProgress(ILogger logger, string jobId, string? status);

    [LoggerMessage(4, LogLevel.Information, "Running step {Step} ({Kind}).")]
    public static partial void StepStarting(ILogger logger, int step, string kind);

    [LoggerMessage(5, LogLevel.Debug, "Waiting {Delay} until {NotBefore:O} before the step, as the previous step asked.")]
    public static partial void WaitingUntilNotBefore(ILogger logger, TimeSpan delay, DateTimeOffset notBefore);

    [LoggerMessage(6, LogLevel.Warning, "The continuation token could not be opened ({Reason}): {Detail}")]
    public static partial void TokenRejected(ILogger logger, string reason, string detail);

    [LoggerMessage(7, LogLevel.Error, "The handler threw {ExceptionType}; the job is reported as failed.")]
    public static partial void HandlerThrew(ILogger logger, string exceptionType, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "The action configuration is invalid: {Detail}")]
    public static partial void ConfigurationInvalid(ILogger logger, string detail);

    [LoggerMessage(9, LogLevel.Error, "The handler's result could not be reported as returned: {Detail}")]
    public static partial void ResultUnreportable(ILogger logger, string detail);

    [LoggerMessage(10, LogLevel.Information, "The agent is stopping: handing the job back so another replica runs step {Step}.")]
    public static partial void HandingBack(ILogger logger, int step);

    [LoggerMessage(11, LogLevel.Information, "Reported {Outcome}.")]
    public static partial void Reported(ILogger logger, string outcome);

    [LoggerMessage(12, LogLevel.Warning, "CodePipeline rejected the report with {ErrorCode} (the job timed out or was already finished): {Detail}")]
    public static partial void ReportRejected(ILogger logger, string errorCode, string detail);

    [LoggerMessage(13, LogLevel.Error, "The report failed; the job stays in the journal and is re-run when the agent restarts.")]
    public static partial void ReportFailed(ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Error, "The journal could not record the job; handing it back without running the step.")]
    public static partial void JournalRecordFailed(ILogger logger, Exception exception);

    [LoggerMessage(15, LogLevel.Warning, "The journal could not complete job {JobId}; it will be re-run and reported again on restart.")]
    public static partial void JournalCompleteFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(16, LogLevel.Information, "Resuming job {JobId} (step {Step}), acknowledged at {RecordedAt:O} and never reported.")]
    public static partial void Resuming(ILogger logger, string jobId, int step, DateTimeOffset recordedAt);

    [LoggerMessage(17, LogLevel.Warning, "Job {JobId} from the journal no longer exists or cannot be read ({ErrorCode}); dropping its entry.")]
    public static partial void ResumeJobGone(ILogger logger, string jobId, string errorCode);

    [LoggerMessage(18, LogLevel.Error, "Could not fetch the details of journaled job {JobId}; it stays in the journal.")]
    public static partial void ResumeDetailsFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(19, LogLevel.Warning, "An artifact failed ({Reason}); the job is reported as {FailureType}: {Detail}")]
    public static partial void ArtifactFailed(ILogger logger, string reason, string failureType, string detail);

    [LoggerMessage(20, LogLevel.Warning, "The report failed for now; retrying in {Delay}.")]
    public static partial void ReportRetrying(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(21, LogLevel.Warning, "Could not acknowledge job {JobId} for now (it may have been accepted); asking again with the same nonce in {Delay}.")]
    public static partial void AcknowledgeRetrying(ILogger logger, string jobId, TimeSpan delay, Exception exception);

    [LoggerMessage(22, LogLevel.Warning, "Could not fetch the details of journaled job {JobId} for now; retrying in {Delay}.")]
    public static partial void ResumeDetailsRetrying(ILogger logger, string jobId, TimeSpan delay, Exception exception);
}
