using Microsoft.Extensions.Logging;

namespace Baton.Agent.Hosting;

/// <summary>The agent host's log messages (event ids 200–219).</summary>
internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Information, "Agent {AgentId} starting with {Count} action type(s): {ActionTypes}.")]
    public static partial void AgentStarting(ILogger logger, string agentId, int count, string actionTypes);

    [LoggerMessage(201, LogLevel.Information, "Resuming {Count} job(s) this agent acknowledged and never reported.")]
    public static partial void ResumingJobs(ILogger logger, int count);

    [LoggerMessage(202, LogLevel.Warning, "Journaled job {JobId} is of action type {ActionType}, which has no handler here; it stays in the journal.")]
    public static partial void NoHandlerForJournaledJob(ILogger logger, string jobId, string actionType);

    [LoggerMessage(203, LogLevel.Error, "Could not read the journal; polling starts without resuming unreported jobs.")]
    public static partial void JournalListFailed(ILogger logger, Exception exception);

    [LoggerMessage(204, LogLevel.Information, "Stopping: polling ended; {Running} job(s) in flight get up to {DrainTimeout} to finish before they are handed back.")]
    public static partial void Draining(ILogger logger, int running, TimeSpan drainTimeout);

    [LoggerMessage(205, LogLevel.Information, "Agent stopped; every job it took was reported.")]
    public static partial void Drained(ILogger logger);

    [LoggerMessage(206, LogLevel.Warning, "The host's shutdown timeout ended the drain with {Running} job(s) unreported; they stay in the journal and are resumed on the next start.")]
    public static partial void DrainAbandoned(ILogger logger, int running);

    [LoggerMessage(207, LogLevel.Warning, "Baton:Agent:DrainTimeout ({DrainTimeout}) is not shorter than the host's shutdown timeout ({ShutdownTimeout}): running jobs may be cut off before they are handed back. Lower DrainTimeout or raise HostOptions.ShutdownTimeout.")]
    public static partial void DrainTimeoutTooLong(ILogger logger, TimeSpan drainTimeout, TimeSpan shutdownTimeout);

    [LoggerMessage(208, LogLevel.Information, "Run-once finished: every queued job was run and reported.")]
    public static partial void RunOnceFinished(ILogger logger);
}
