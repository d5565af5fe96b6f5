using System.Threading.Channels;
using Baton.Agent.Jobs;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Fakes;

/// <summary>
/// A hand-written CodePipeline job port: answers acknowledgements, records every report, and hands
/// each poll to the test (<see cref="NextPollAsync"/>), which answers it when it chooses.
/// </summary>
internal sealed class FakeJobService(EventLog events) : IJobService
{
    private readonly Lock _gate = new();
    private readonly Channel<PollCall> _polls = Channel.CreateUnbounded<PollCall>();
    private readonly Channel<string> _reported = Channel.CreateUnbounded<string>();

    public ActionTypeId ActionTypeId { get; init; } = new() { Category = "Test", Owner = "Custom", Provider = "BatonTest", Version = "1" };

    public string AckStatus { get; set; } = JobStatus.InProgress;

    public Exception? AckException { get; set; }

    public JobData? Details { get; set; }

    public Exception? DetailsException { get; set; }

    public Exception? ReportException { get; set; }

    /// <summary>How many reports throw <see cref="ReportException"/> before they succeed; null: all of them.</summary>
    public int? ReportFailures { get; set; }

    public List<PolledJob> Acknowledged { get; } = [];

    public List<SuccessReport> Successes { get; } = [];

    public List<FailureReport> Failures { get; } = [];

    public int Reports
    {
        get
        {
            lock (_gate)
            {
                return Successes.Count + Failures.Count;
            }
        }
    }

    /// <summary>The next poll the poller made; answer it with <see cref="PollCall.Answer"/> or <see cref="PollCall.Fail"/>.</summary>
    public async Task<PollCall> NextPollAsync() => await _polls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The id of the next job that was reported (success or failure).</summary>
    public async Task<string> NextReportAsync() => await _reported.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask<IReadOnlyList<PolledJob>> PollAsync(int maxBatchSize, CancellationToken cancellationToken)
    {
        var call = new PollCall(maxBatchSize);
        await _polls.Writer.WriteAsync(call, cancellationToken);
        return await call.Result.WaitAsync(cancellationToken);
    }

    public ValueTask<AcknowledgedJob> AcknowledgeAsync(PolledJob job, CancellationToken cancellationToken)
    {
        events.Add("ack");
        Add(Acknowledged, job);
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
        Add(Successes, new SuccessReport(job, continuationToken, executionDetails, currentRevision, outputVariables));
        _reported.Writer.TryWrite(job.JobId);
        return NextReportOutcome();
    }

    public ValueTask PutFailureAsync(JobReference job, FailureDetails failureDetails, CancellationToken cancellationToken)
    {
        events.Add("put-failure");
        Add(Failures, new FailureReport(job, failureDetails));
        _reported.Writer.TryWrite(job.JobId);
        return NextReportOutcome();
    }

    private ValueTask NextReportOutcome()
    {
        lock (_gate)
        {
            if (ReportException is not { } ex || ReportFailures is <= 0)
            {
                return ValueTask.CompletedTask;
            }

            ReportFailures--;
            return ValueTask.FromException(ex);
        }
    }

    private void Add<T>(List<T> list, T item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }

    public sealed record SuccessReport(
        JobReference Job,
        string? ContinuationToken,
        ExecutionDetails? ExecutionDetails,
        CurrentRevision? CurrentRevision,
        IReadOnlyDictionary<string, string>? OutputVariables);

    public sealed record FailureReport(JobReference Job, FailureDetails FailureDetails);

    /// <summary>One poll, waiting for the test's answer.</summary>
    public sealed class PollCall(int maxBatchSize)
    {
        private readonly TaskCompletionSource<IReadOnlyList<PolledJob>> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MaxBatchSize { get; } = maxBatchSize;

        public Task<IReadOnlyList<PolledJob>> Result => _result.Task;

        public void Answer(params PolledJob[] jobs) => _result.SetResult(jobs);

        public void Fail(Exception exception) => _result.SetException(exception);
    }
}
