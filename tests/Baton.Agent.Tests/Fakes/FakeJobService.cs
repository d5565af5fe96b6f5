using Baton.Agent.Jobs;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Fakes;

/// <summary>A hand-written CodePipeline job port: answers acknowledgements and records every report.</summary>
internal sealed class FakeJobService(EventLog events) : IJobService
{
    public ActionTypeId ActionTypeId { get; } = new() { Category = "Test", Owner = "Custom", Provider = "BatonTest", Version = "1" };

    public string AckStatus { get; set; } = JobStatus.InProgress;

    public Exception? AckException { get; set; }

    public JobData? Details { get; set; }

    public Exception? DetailsException { get; set; }

    public Exception? ReportException { get; set; }

    public List<PolledJob> Acknowledged { get; } = [];

    public List<SuccessReport> Successes { get; } = [];

    public List<FailureReport> Failures { get; } = [];

    public int Reports => Successes.Count + Failures.Count;

    public ValueTask<IReadOnlyList<PolledJob>> PollAsync(int maxBatchSize, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<PolledJob>>([]);

    public ValueTask<AcknowledgedJob> AcknowledgeAsync(PolledJob job, CancellationToken cancellationToken)
    {
        events.Add("ack");
        Acknowledged.Add(job);
        return AckException is { } ex
            ? ValueTask.FromException<AcknowledgedJob>(ex)
            : ValueTask.FromResult(new AcknowledgedJob(job.Reference, AckStatus, job.Data ?? new JobData()));
    }

    public ValueTask<JobData> GetDetailsAsync(JobReference job, CancellationToken cancellationToken)
    {
        events.Add("details");
        return DetailsException is { } ex ? ValueTask.FromException<JobData>(ex) : ValueTask.FromResult(Details ?? new JobData());
    }

    public ValueTask PutSuccessAsync(
        JobReference job,
        string? continuationToken,
        ExecutionDetails? executionDetails,
        CurrentRevision? currentRevision,
        IReadOnlyDictionary<string, string>? outputVariables,
        CancellationToken cancellationToken)
    {
        events.Add("put-success");
        Successes.Add(new SuccessReport(job, continuationToken, executionDetails, currentRevision, outputVariables));
        return ReportException is { } ex ? ValueTask.FromException(ex) : ValueTask.CompletedTask;
    }

    public ValueTask PutFailureAsync(JobReference job, FailureDetails failureDetails, CancellationToken cancellationToken)
    {
        events.Add("put-failure");
        Failures.Add(new FailureReport(job, failureDetails));
        return ReportException is { } ex ? ValueTask.FromException(ex) : ValueTask.CompletedTask;
    }

    public sealed record SuccessReport(
        JobReference Job,
        string? ContinuationToken,
        ExecutionDetails? ExecutionDetails,
        CurrentRevision? CurrentRevision,
        IReadOnlyDictionary<string, string>? OutputVariables);

    public sealed record FailureReport(JobReference Job, FailureDetails FailureDetails);
}
