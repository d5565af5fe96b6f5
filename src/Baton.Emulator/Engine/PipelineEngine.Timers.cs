using Baton.CodePipeline.Model;
using Baton.Emulator.Hosting;

namespace Baton.Emulator.Engine;

// Timers, applied by TickAsync and before every job operation so that a job's state never lags
// the clock: continuation delays, acknowledgement timeouts, job timeouts and action timeouts.
// Only the jobs and actions whose timer is due are visited (the state's timer indexes), in the
// order they were created, so a tick costs what it changes, not the number of jobs ever held.
public sealed partial class PipelineEngine
{
    private void ApplyTimers()
    {
        var now = _time.GetUtcNow();
        foreach (var job in _state.JobIndex.WithTimerDue(now, _options.AckTimeout))
        {
            if (job.Status == JobStatus.Created && job.VisibleAt <= now)
            {
                job.Status = JobStatus.Queued;
                _state.Touch(job);
            }

            if (job.Status == JobStatus.Dispatched && job.DispatchedAt + _options.AckTimeout <= now)
            {
                job.Status = JobStatus.Queued;
                _state.Touch(job);
                Record(job.PipelineName, job.PipelineExecutionId, "JobRequeued",
                    $"Job {job.Id} was not acknowledged within {DurationParser.Format(_options.AckTimeout)}; it goes back to the queue.", job.StageName, job.ActionName);
                Log.JobRequeued(_logger, job.Id);
            }

            if (job.Deadline <= now)
            {
                CompleteJob(job, JobStatus.TimedOut);
                var action = _state.ActionExecutions[job.ActionExecutionId];
                if (action.IsInProgress)
                {
                    FinishAction(action, ActionExecutionStatus.Failed, FailureType.JobFailed,
                        $"Job {job.Id} timed out: no result within the job timeout of {DurationParser.Format(_options.JobTimeout)}.");
                }
            }
        }

        foreach (var action in _state.ExecutionIndex.InProgressPastDeadline(now))
        {
            var message = action.Runner == ActionRunners.Approval
                ? $"The approval timed out: nobody approved or rejected it by {action.Deadline:u}."
                : $"The action execution timed out: no final result within the action timeout of {DurationParser.Format(_options.ActionTimeout)}.";
            foreach (var job in _state.JobIndex.OfAction(action.Id).Where(j => !j.IsTerminal).ToList())
            {
                CompleteJob(job, JobStatus.TimedOut);
            }

            FinishAction(action, ActionExecutionStatus.Failed, FailureType.JobFailed, message);
        }
    }
}
