using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Baton.Agent.Artifacts;
using Baton.Agent.Continuation;
using Baton.Agent.Handlers;
using Baton.Agent.Jobs;
using Baton.Agent.Journal;
using Baton.Agent.Options;
using Baton.Agent.Telemetry;
using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Runner;

//  One job step, top to bottom:
//
//   polled ──► open the baton: token → envelope (null token → a fresh step-1 envelope)
//                  ▼
//   journal.Record (custom job: before the ack) ─ fails ─► no ack: CodePipeline hands it out again
//                  ▼
//   Acknowledge (same nonce again while transient) ─ rejected or ≠ InProgress ─► journal.Complete, drop
//                  │ InProgress                   └ unanswered ─► the entry stays: resumed later
//                  ▼
//   journal.Record (third-party job: its data comes with the ack) ─ fails ─► hand back
//                  ▼
//   token unreadable ──────────────────────► Fail(JobFailed, why)
//                  ▼
//   wait until notBefore (a timer, no thread) ─ agent stopping ─► hand back at once
//                  ▼
//   StartAsync | ContinueAsync ─ throws ─► Fail(JobFailed | ConfigurationError)
//                  │           └ drain grace over ─► hand back
//                  ▼
//   StepResult ── one switch ──► PutSuccess(token?) | PutFailure     exactly one report
//                  ▼
//   journal.Complete, once CodePipeline accepted the report or the job is gone

/// <summary>
/// Runs one job of an action execution from acknowledgement to report: the step state machine.
/// Every acknowledged job gets exactly one report, whatever the handler does.
/// </summary>
public sealed class JobRunner
{
    private readonly IJobService _jobs;
    private readonly IJobHandler _handler;
    private readonly ContinuationCodec _codec;
    private readonly IJobJournal _journal;
    private readonly AgentTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly AgentOptions _options;
    private readonly ILogger _logger;
    private readonly JobArtifactsFactory? _artifactsFactory;

    /// <summary>Creates a runner for one action type.</summary>
    /// <param name="jobs">The job verbs of the action type.</param>
    /// <param name="handler">The action author's handler.</param>
    /// <param name="codec">Seals and opens continuation tokens.</param>
    /// <param name="journal">The crash-recovery journal.</param>
    /// <param name="telemetry">Counters and the step duration histogram.</param>
    /// <param name="timeProvider">The clock and timers.</param>
    /// <param name="options">The agent options (agent id, report timeout).</param>
    /// <param name="logger">The logger.</param>
    /// <param name="artifactsFactory">
    /// Gives each job its <see cref="JobContext.Artifacts"/>; <see langword="null"/> leaves them
    /// unavailable (a handler that touches them fails the job).
    /// </param>
    public JobRunner(
        IJobService jobs,
        IJobHandler handler,
        ContinuationCodec codec,
        IJobJournal journal,
        AgentTelemetry telemetry,
        TimeProvider timeProvider,
        IOptions<AgentOptions> options,
        ILogger<JobRunner> logger,
        JobArtifactsFactory? artifactsFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _jobs = jobs ?? throw new ArgumentNullException(nameof(jobs));
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options.Value;
        _artifactsFactory = artifactsFactory;
    }

    /// <summary>Claims a polled job and, if it is ours, runs its step and reports it.</summary>
    /// <param name="job">The polled job.</param>
    /// <param name="stoppingToken">Cancelled when the agent stops: a running or waiting step is then handed back.</param>
    public Task RunAsync(PolledJob job, CancellationToken stoppingToken) => RunAsync(job, StopSignals.From(stoppingToken));

    /// <summary>Claims a polled job and, if it is ours, runs its step and reports it.</summary>
    /// <param name="job">The polled job.</param>
    /// <param name="stop">
    /// When the agent stops: a step waiting for <c>notBefore</c> (or not started yet) is handed back at
    /// <see cref="StopSignals.Stopping"/>; a running step is cancelled and handed back at <see cref="StopSignals.GraceExpired"/>.
    /// </param>
    public async Task RunAsync(PolledJob job, StopSignals stop)
    {
        ArgumentNullException.ThrowIfNull(job);

        // A custom job arrives with its data, so it is recorded before it is acknowledged: a replica
        // killed right after the acknowledgement still finds it in the journal. Re-running an entry
        // whose acknowledgement never reached CodePipeline is safe: the step is idempotent per key,
        // and a report for a job that is not ours is rejected. A third-party job's data (and
        // continuation token) only comes with its acknowledgement: it is recorded right after.
        IncomingBaton? early = null;
        if (job.Data is { } polled)
        {
            early = OpenBaton(job.Reference, polled.ContinuationToken, recordedAt: null);
            if (!await TryRecordAsync(job.Reference, polled, early))
            {
                // Not acknowledged: CodePipeline hands the job out again after its acknowledgement timeout.
                return;
            }
        }

        AcknowledgedJob claimed;
        try
        {
            // A job polled just before the stop is still claimed, then handed back at once: the next
            // replica gets it now instead of after CodePipeline's acknowledgement timeout.
            // An acknowledgement whose answer was lost (a dropped connection, a restarting service)
            // may have been accepted: asked again with the same nonce it answers InProgress, or
            // InvalidNonceException once the dispatch lapsed and the job went back to the queue.
            // Giving up early would leave an accepted job with no owner until it times out.
            claimed = await WithTransientRetriesAsync(
                ct => _jobs.AcknowledgeAsync(job, ct), (delay, ex) => Log.AcknowledgeRetrying(_logger, job.Reference.JobId, delay, ex), stop.GraceExpired);
        }
        catch (Exception ex)
        {
            if (ex is not OperationCanceledException || !stop.GraceExpired.IsCancellationRequested)
            {
                Log.AcknowledgeFailed(_logger, job.Reference.JobId, ex);
            }

            // Rejected (another worker won the nonce, no client token): not ours, CodePipeline redelivers
            // it. Unanswered (still failing, or the agent stopped): it may be ours, so the entry stays
            // and the job is resumed like any other the agent did not report.
            if (early is not null && ex is CodePipelineServiceException && !IsTransient(ex))
            {
                await CompleteJournalAsync(job.Reference.JobId);
            }

            return;
        }

        if (claimed.Status != JobStatus.InProgress)
        {
            Log.JobNotInProgress(_logger, job.Reference.JobId, claimed.Status);
            if (early is not null)
            {
                await CompleteJournalAsync(job.Reference.JobId);
            }

            return;
        }

        _telemetry.Acknowledged.Add(1);
        await RunStepAsync(
            claimed.Reference, claimed.Data, early ?? OpenBaton(claimed.Reference, claimed.Data.ContinuationToken, recordedAt: null), recorded: early is not null, stop);
    }

    /// <summary>
    /// Re-runs and reports a job found in the journal: acknowledged by this agent before it stopped
    /// abruptly, never reported. The step runs again (handlers are idempotent per key).
    /// </summary>
    /// <param name="entry">The journal entry.</param>
    /// <param name="stoppingToken">Cancelled when the agent stops.</param>
    public Task ResumeAsync(JournalEntry entry, CancellationToken stoppingToken) => ResumeAsync(entry, StopSignals.From(stoppingToken));

    /// <summary>
    /// Re-runs and reports a job found in the journal: acknowledged by this agent before it stopped
    /// abruptly, never reported. The step runs again (handlers are idempotent per key).
    /// </summary>
    /// <param name="entry">The journal entry.</param>
    /// <param name="stop">When the agent stops (see <see cref="RunAsync(PolledJob, StopSignals)"/>).</param>
    public async Task ResumeAsync(JournalEntry entry, StopSignals stop)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var job = new JobReference(entry.JobId, entry.IsThirdParty, entry.ClientId);
        Log.Resuming(_logger, entry.JobId, entry.Step, entry.RecordedAt);
        JobData data;
        try
        {
            // Often called just after a restart, while CodePipeline may still be unreachable: a
            // resume given up here would wait for the next restart of this agent.
            data = await WithTransientRetriesAsync(
                ct => _jobs.GetDetailsAsync(job, ct), (delay, ex) => Log.ResumeDetailsRetrying(_logger, entry.JobId, delay, ex), stop.GraceExpired);
        }
        catch (CodePipelineServiceException ex) when (ex.ErrorCode is "JobNotFoundException" or "InvalidJobException")
        {
            Log.ResumeJobGone(_logger, entry.JobId, ex.ErrorCode);
            await CompleteJournalAsync(entry.JobId);
            return;
        }
        catch (OperationCanceledException) when (stop.GraceExpired.IsCancellationRequested)
        {
            // Still in the journal: the next start resumes it.
            return;
        }
        catch (Exception ex)
        {
            Log.ResumeDetailsFailed(_logger, entry.JobId, ex);
            return;
        }

        // The journal holds the token the job arrived with; the details carry fresh credentials.
        await RunStepAsync(job, data, OpenBaton(job, entry.IncomingToken, entry.RecordedAt), recorded: true, stop);
    }

    private async Task RunStepAsync(JobReference job, JobData data, IncomingBaton baton, bool recorded, StopSignals stop)
    {
        var started = _time.GetTimestamp();
        using var scope = BeginJobScope(job, data, baton.Envelope);
        using var activity = AgentTelemetry.ActivitySource.StartActivity("baton.job.step");
        activity?.SetTag("baton.job.id", job.JobId);
        activity?.SetTag("baton.job.step", baton.Envelope.Step);

        var result = recorded || await TryRecordAsync(job, data, baton)
            ? await ExecuteStepAsync(job, data, baton, stop)
            : HandBack(baton);

        var report = ToReport(job, result, baton);
        if (await ReportAsync(job, report))
        {
            await CompleteJournalAsync(job.JobId);
        }

        activity?.SetTag("baton.job.outcome", report.Outcome.ToString());
        _telemetry.StepDuration.Record(_time.GetElapsedTime(started).TotalSeconds);
    }

    private IncomingBaton OpenBaton(JobReference job, string? token, DateTimeOffset? recordedAt)
    {
        // A resumed first step started when it was recorded, not now.
        var now = recordedAt ?? _time.GetUtcNow();
        if (token is null)
        {
            // First job: the idempotency key is this job's id, which a redelivery keeps.
            return new IncomingBaton(new ContinuationEnvelope { OriginJobId = job.JobId, Step = 1, StartedAt = now }, null, null);
        }

        try
        {
            return new IncomingBaton(_codec.Open(token), token, null);
        }
        catch (ContinuationTokenException ex)
        {
            Log.TokenRejected(_logger, ex.Error.ToString(), ex.Message);
            return new IncomingBaton(new ContinuationEnvelope { OriginJobId = job.JobId, Step = 0, StartedAt = now }, token, ex);
        }
    }

    private async Task<bool> TryRecordAsync(JobReference job, JobData data, IncomingBaton baton)
    {
        try
        {
            await _journal.RecordAsync(
                new JournalEntry
                {
                    JobId = job.JobId,
                    IsThirdParty = job.IsThirdParty,
                    ClientId = job.ClientId,
                    ActionType = FormatActionType(data.ActionTypeId ?? _jobs.ActionTypeId),
                    IncomingToken = baton.IncomingToken,
                    Step = baton.Envelope.Step,
                    AgentId = _options.AgentId,
                    RecordedAt = _time.GetUtcNow(),
                },
                CancellationToken.None);
            return true;
        }
        catch (Exception ex)
        {
            Log.JournalRecordFailed(_logger, ex);
            return false;
        }
    }

    private async Task<StepResult?> ExecuteStepAsync(JobReference job, JobData data, IncomingBaton baton, StopSignals stop)
    {
        if (baton.OpenError is { } error)
        {
            return StepResult.Fail(FailureType.JobFailed, "Baton could not open the job's continuation token. " + error.Message);
        }

        var envelope = baton.Envelope;
        try
        {
            await WaitUntilAsync(envelope.NotBefore, stop.Stopping);
        }
        catch (OperationCanceledException) when (stop.Stopping.IsCancellationRequested)
        {
            Log.HandingBack(_logger, envelope.Step);
            return HandBack(baton);
        }

        if (stop.Stopping.IsCancellationRequested)
        {
            // A step that has not started does not start while the agent stops: another replica runs it.
            Log.HandingBack(_logger, envelope.Step);
            return HandBack(baton);
        }

        try
        {
            // Disposed when the step ends, whatever it returned: that deletes the job's work directory.
            await using var artifacts = _artifactsFactory?.Create(job.JobId, data, ct => RefreshCredentialsAsync(job, ct));
            var context = JobContextFactory.Create(
                job, data, envelope, _jobs.ActionTypeId, (IJobArtifacts?)artifacts ?? UnavailableJobArtifacts.Instance);
            Log.StepStarting(_logger, envelope.Step, envelope.State is null ? "start" : "continue");
            return envelope.State is null
                ? await _handler.StartAsync(context, stop.GraceExpired)
                : await _handler.ContinueAsync(context, envelope.State, stop.GraceExpired);
        }
        catch (OperationCanceledException) when (stop.GraceExpired.IsCancellationRequested)
        {
            Log.HandingBack(_logger, envelope.Step);
            return HandBack(baton);
        }
        catch (JobConfigurationException ex)
        {
            Log.ConfigurationInvalid(_logger, ex.Message);
            return StepResult.Fail(FailureType.ConfigurationError, ex.Message);
        }
        catch (ArtifactException ex)
        {
            Log.ArtifactFailed(_logger, ex.Reason.ToString(), ex.FailureType, ex.Message);
            return StepResult.Fail(ex.FailureType, ex.Message);
        }
        catch (Exception ex)
        {
            // The stack trace goes to the log only; the console shows the type and message.
            Log.HandlerThrew(_logger, ex.GetType().Name, ex);
            var message = string.IsNullOrWhiteSpace(ex.Message) ? "(no message)" : ex.Message;
            return StepResult.Fail(FailureType.JobFailed, $"The handler threw {ex.GetType().Name}: {message}");
        }
    }

    // S3 said the job's artifact credentials expired: CodePipeline hands out fresh ones with the job's details.
    private async Task<AWSSessionCredentials> RefreshCredentialsAsync(JobReference job, CancellationToken cancellationToken) =>
        (await _jobs.GetDetailsAsync(job, cancellationToken)).ArtifactCredentials
        ?? throw new ArtifactException(
            ArtifactFailureReason.AccessDenied,
            string.Empty,
            $"The artifact credentials of job {job.JobId} expired and its refreshed details carry none; check that the action type declares artifacts.");

    private async Task WaitUntilAsync(DateTimeOffset? notBefore, CancellationToken stoppingToken)
    {
        var delay = notBefore - _time.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            Log.WaitingUntilNotBefore(_logger, delay.Value, notBefore!.Value);
            await Task.Delay(delay.Value, _time, stoppingToken);
        }
    }

    // Handing back reports the incoming token again, so any replica runs this step (and waits for
    // the same notBefore). A first step has no token yet: it gets a fresh step-1 envelope with no
    // state, which makes the next job call StartAsync again under the same idempotency key.
    private StepResult.HandedBack HandBack(IncomingBaton baton) =>
        new StepResult.HandedBack(baton.IncomingToken ?? _codec.Seal(baton.Envelope));

    private JobReport ToReport(JobReference job, StepResult? result, IncomingBaton baton)
    {
        var soFar = baton.Envelope.ExternalExecutionId;
        return result switch
        {
            StepResult.Continuing next => ContinueReport(next, baton),
            StepResult.Succeeded { OutputVariables.Count: > 0 } done when job.IsThirdParty => Failure(
                FailureType.JobFailed,
                $"The handler succeeded with {done.OutputVariables.Count} output variable(s) ({string.Join(", ", done.OutputVariables.Keys)}), "
                + "but third-party actions cannot return output variables (PutThirdPartyJobSuccessResult has none). Return Succeed without outputVariables.",
                done.ExternalExecutionId ?? soFar),
            StepResult.Succeeded done => new JobReport.Success(
                JobOutcome.Succeeded,
                ContinuationToken: null,
                Details(done.Summary, done.ExternalExecutionId ?? soFar, percentComplete: 100),
                done.CurrentRevision,
                done.OutputVariables),
            StepResult.Failed failed => Failure(failed.FailureType, failed.Message, soFar),
            StepResult.HandedBack handBack => new JobReport.Success(
                JobOutcome.HandedBack,
                handBack.ContinuationToken,
                Details(summary: null, soFar, percentComplete: null)),
            null => Failure(FailureType.JobFailed, "The handler returned no StepResult (null).", soFar),
            _ => throw new UnreachableException($"Unknown step result {result.GetType().Name}."),
        };
    }

    private JobReport ContinueReport(StepResult.Continuing next, IncomingBaton baton)
    {
        var externalExecutionId = next.ExternalExecutionId ?? baton.Envelope.ExternalExecutionId;
        var envelope = baton.Envelope with
        {
            State = next.State,
            ExternalExecutionId = externalExecutionId,
            Step = baton.Envelope.Step + 1,
            NotBefore = next.CheckAfter > TimeSpan.Zero ? _time.GetUtcNow() + next.CheckAfter.Value : null,
        };
        try
        {
            return new JobReport.Success(
                JobOutcome.Continued,
                _codec.Seal(envelope),
                Details(next.Summary, externalExecutionId, next.PercentComplete));
        }
        catch (ContinuationStateTooLargeException ex)
        {
            Log.ResultUnreportable(_logger, ex.Message);
            return Failure(FailureType.JobFailed, ex.Message, externalExecutionId);
        }
    }

    private async Task<bool> ReportAsync(JobReference job, JobReport report)
    {
        // Not the stopping token: a job must be reported (or handed back) while the agent stops.
        // Transient failures (throttling, 5xx, transport) are retried with backoff until
        // ReportTimeout, beyond the client's own retries: a report given up leaves the job to time out.
        using var timeout = new CancellationTokenSource(_options.ReportTimeout, _time);
        var backoff = _reportRetryFirstDelay;
        while (true)
        {
            try
            {
                await PutReportAsync(job, report, timeout.Token);
                break;
            }
            catch (CodePipelineServiceException ex) when (ex.ErrorCode is "InvalidJobStateException" or "JobNotFoundException")
            {
                // The job timed out or was finished already: nothing left to report.
                Log.ReportRejected(_logger, ex.ErrorCode, ex.Message);
                return true;
            }
            catch (Exception ex) when (IsTransient(ex) && !timeout.IsCancellationRequested)
            {
                Log.ReportRetrying(_logger, backoff, ex);
                try
                {
                    await Task.Delay(backoff, _time, timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Log.ReportFailed(_logger, ex);
                    return false;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _reportRetryMaxDelay.Ticks));
            }
            catch (Exception ex)
            {
                Log.ReportFailed(_logger, ex);
                return false;
            }
        }

        Log.Reported(_logger, report.Outcome.ToString());
        var counter = report.Outcome switch
        {
            JobOutcome.Continued => _telemetry.Continued,
            JobOutcome.Succeeded => _telemetry.Succeeded,
            JobOutcome.HandedBack => _telemetry.HandedBack,
            _ => _telemetry.Failed,
        };
        counter.Add(1);
        return true;
    }

    // Calls a job verb again after transient failures, with the report's backoff, until it answers,
    // fails for good, or ReportTimeout passes (the last failure is then thrown). Cancelling
    // cancellationToken throws OperationCanceledException.
    private async Task<T> WithTransientRetriesAsync<T>(
        Func<CancellationToken, ValueTask<T>> call, Action<TimeSpan, Exception> retrying, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.ReportTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var backoff = _reportRetryFirstDelay;
        while (true)
        {
            try
            {
                return await call(linked.Token);
            }
            catch (Exception ex) when (IsTransient(ex) && !linked.IsCancellationRequested)
            {
                retrying(backoff, ex);
                try
                {
                    await Task.Delay(backoff, _time, linked.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    ExceptionDispatchInfo.Throw(ex);
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _reportRetryMaxDelay.Ticks));
            }
        }
    }

    private static readonly TimeSpan _reportRetryFirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan _reportRetryMaxDelay = TimeSpan.FromSeconds(5);

    private ValueTask PutReportAsync(JobReference job, JobReport report, CancellationToken cancellationToken) => report switch
    {
        JobReport.Success success => _jobs.PutSuccessAsync(
            job, success.ContinuationToken, success.ExecutionDetails, success.CurrentRevision, success.OutputVariables, cancellationToken),
        JobReport.Failure failure => _jobs.PutFailureAsync(job, failure.FailureDetails, cancellationToken),
        _ => throw new InvalidOperationException($"Unknown report {report.GetType().Name}."),
    };

    // Worth another attempt: throttling, server errors and transport failures. A rejected request
    // (validation, access) would fail the same way again.
    private static bool IsTransient(Exception ex) => ex switch
    {
        CodePipelineServiceException service => service.ErrorCode == "ThrottlingException" || (int)service.StatusCode >= 500,
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => true,
        _ => false,
    };

    private async Task CompleteJournalAsync(string jobId)
    {
        try
        {
            await _journal.CompleteAsync(jobId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.JournalCompleteFailed(_logger, jobId, ex);
        }
    }

    private static JobReport.Failure Failure(string failureType, string message, string? externalExecutionId) => new(new FailureDetails
    {
        Type = failureType,
        Message = ReportText.Fit(message, ReportText.MaxMessageLength) ?? "(no message)",
        ExternalExecutionId = externalExecutionId,
    });

    private static ExecutionDetails? Details(string? summary, string? externalExecutionId, int? percentComplete)
    {
        summary = ReportText.Fit(summary, ReportText.MaxSummaryLength);
        return summary is null && externalExecutionId is null && percentComplete is null
            ? null
            : new ExecutionDetails { Summary = summary, ExternalExecutionId = externalExecutionId, PercentComplete = percentComplete };
    }

    private IDisposable? BeginJobScope(JobReference job, JobData data, ContinuationEnvelope envelope) =>
        _logger.BeginScope(new Dictionary<string, object?>
        {
            ["JobId"] = job.JobId,
            ["Pipeline"] = data.PipelineContext?.PipelineName,
            ["Stage"] = data.PipelineContext?.Stage?.Name,
            ["Action"] = data.PipelineContext?.Action?.Name,
            ["Step"] = envelope.Step,
            ["OriginJobId"] = envelope.OriginJobId,
        });

    private static string FormatActionType(ActionTypeId id) => $"{id.Category}/{id.Owner}/{id.Provider}/{id.Version}";

    /// <summary>The continuation state of this job: the opened envelope, or why it could not be opened.</summary>
    private sealed record IncomingBaton(ContinuationEnvelope Envelope, string? IncomingToken, ContinuationTokenException? OpenError);
}
