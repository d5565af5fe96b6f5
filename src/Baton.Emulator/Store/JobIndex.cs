using Baton.CodePipeline.Model;

namespace Baton.Emulator.Store;

/// <summary>
/// Indexes of the jobs in <see cref="EmulatorState"/>, so that polls and timers cost what they
/// return rather than the number of jobs ever held: the queue of each action type (and of each
/// value of its queryable property), the jobs waiting for a timer, the jobs of each action
/// execution and the number of jobs in each status. <see cref="EmulatorState"/> files a job
/// again whenever it is upserted or touched, so every change to a job must be followed by a
/// touch before the next read, as it already must for the job to be saved.
/// </summary>
internal sealed class JobIndex
{
    private readonly Dictionary<string, Filing> _filings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<TimedEntry<JobEntity>>> _queues = new(StringComparer.Ordinal);
    private readonly SortedSet<TimedEntry<JobEntity>> _becomingVisible = new(TimedEntryComparer<JobEntity>.Instance);
    private readonly SortedSet<TimedEntry<JobEntity>> _awaitingAck = new(TimedEntryComparer<JobEntity>.Instance);
    private readonly SortedSet<TimedEntry<JobEntity>> _open = new(TimedEntryComparer<JobEntity>.Instance);
    private readonly Dictionary<string, List<JobEntity>> _byAction = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _statusCounts = new(StringComparer.Ordinal);
    private long _nextOrder;

    /// <summary>Files a new job, or files a known job again after it changed.</summary>
    public void File(JobEntity job)
    {
        if (_filings.TryGetValue(job.Id, out var filing))
        {
            Unfile(filing);
            if (!ReferenceEquals(filing.Job, job))
            {
                var siblings = _byAction[filing.Job.ActionExecutionId];
                siblings[siblings.IndexOf(filing.Job)] = job;
                filing.Job = job;
            }
        }
        else
        {
            filing = new Filing(job, _nextOrder++);
            _filings.Add(job.Id, filing);
            if (!_byAction.TryGetValue(job.ActionExecutionId, out var siblings))
            {
                _byAction[job.ActionExecutionId] = siblings = [];
            }

            siblings.Add(job);
        }

        filing.Status = job.Status;
        _statusCounts[job.Status] = _statusCounts.GetValueOrDefault(job.Status) + 1;
        if (job.Status == JobStatus.Queued)
        {
            filing.Queued = new TimedEntry<JobEntity>(job.VisibleAt, job.Created, filing.Order, job);
            filing.QueueKey = QueueKey(job.ActionTypeKey, job.IsThirdParty, null);
            QueueOf(filing.QueueKey).Add(filing.Queued.Value);
            if (job.QueryValue is { } value)
            {
                filing.QueryQueueKey = QueueKey(job.ActionTypeKey, job.IsThirdParty, value);
                QueueOf(filing.QueryQueueKey).Add(filing.Queued.Value);
            }
        }
        else if (job.Status == JobStatus.Created)
        {
            filing.BecomingVisible = new TimedEntry<JobEntity>(job.VisibleAt, default, filing.Order, job);
            _becomingVisible.Add(filing.BecomingVisible.Value);
        }
        else if (job.Status == JobStatus.Dispatched && job.DispatchedAt is { } dispatched)
        {
            filing.AwaitingAck = new TimedEntry<JobEntity>(dispatched, default, filing.Order, job);
            _awaitingAck.Add(filing.AwaitingAck.Value);
        }

        if (!job.IsTerminal)
        {
            filing.Open = new TimedEntry<JobEntity>(job.Deadline, default, filing.Order, job);
            _open.Add(filing.Open.Value);
        }
    }

    /// <summary>Takes a deleted job out of every index.</summary>
    public void Remove(JobEntity job)
    {
        if (!_filings.Remove(job.Id, out var filing))
        {
            return;
        }

        Unfile(filing);
        var siblings = _byAction[filing.Job.ActionExecutionId];
        siblings.Remove(filing.Job);
        if (siblings.Count == 0)
        {
            _byAction.Remove(filing.Job.ActionExecutionId);
        }
    }

    /// <summary>The queued jobs of an action type, oldest visible first (then oldest created, then first filed).</summary>
    /// <param name="actionTypeKey">The action type's key (<see cref="ActionTypeEntity.KeyOf"/>).</param>
    /// <param name="thirdParty">Whether to list third-party jobs rather than custom ones.</param>
    /// <param name="queryValue">Only jobs whose queryable property has this value, or all when null.</param>
    public IEnumerable<JobEntity> Queued(string actionTypeKey, bool thirdParty, string? queryValue) =>
        _queues.TryGetValue(QueueKey(actionTypeKey, thirdParty, queryValue), out var queue) ? queue.Select(e => e.Entity) : [];

    /// <summary>
    /// The jobs that have a timer due at <paramref name="now"/> (visibility, acknowledgement
    /// timeout or job timeout), in the order they were filed.
    /// </summary>
    public List<JobEntity> WithTimerDue(DateTimeOffset now, TimeSpan ackTimeout)
    {
        var due = new List<TimedEntry<JobEntity>>();
        AddDue(_becomingVisible, now, due);
        if (now - DateTimeOffset.MinValue > ackTimeout)
        {
            AddDue(_awaitingAck, now - ackTimeout, due);
        }

        AddDue(_open, now, due);
        due.Sort((x, y) => x.Order.CompareTo(y.Order));
        var jobs = new List<JobEntity>(due.Count);
        for (var i = 0; i < due.Count; i++)
        {
            if (i == 0 || due[i].Order != due[i - 1].Order)
            {
                jobs.Add(due[i].Entity);
            }
        }

        return jobs;
    }

    /// <summary>Every job of an action execution, in the order they were filed.</summary>
    public IReadOnlyList<JobEntity> OfAction(string actionExecutionId) =>
        _byAction.TryGetValue(actionExecutionId, out var jobs) ? jobs : [];

    /// <summary>The number of jobs in each status that has any.</summary>
    public IReadOnlyDictionary<string, int> CountByStatus() =>
        _statusCounts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    private static void AddDue(SortedSet<TimedEntry<JobEntity>> set, DateTimeOffset dueBy, List<TimedEntry<JobEntity>> due)
    {
        foreach (var entry in set)
        {
            if (entry.At > dueBy)
            {
                break;
            }

            due.Add(entry);
        }
    }

    private static string QueueKey(string actionTypeKey, bool thirdParty, string? queryValue) =>
        queryValue is null ? $"{(thirdParty ? "3" : "c")}\n{actionTypeKey}" : $"{(thirdParty ? "3" : "c")}\n{actionTypeKey}\n{queryValue}";

    private SortedSet<TimedEntry<JobEntity>> QueueOf(string key)
    {
        if (!_queues.TryGetValue(key, out var queue))
        {
            _queues[key] = queue = new SortedSet<TimedEntry<JobEntity>>(TimedEntryComparer<JobEntity>.Instance);
        }

        return queue;
    }

    private void Unfile(Filing filing)
    {
        _statusCounts[filing.Status!] -= 1;
        if (filing.Queued is { } queued)
        {
            _queues[filing.QueueKey!].Remove(queued);
            if (filing.QueryQueueKey is { } queryKey)
            {
                _queues[queryKey].Remove(queued);
            }
        }

        if (filing.BecomingVisible is { } visible)
        {
            _becomingVisible.Remove(visible);
        }

        if (filing.AwaitingAck is { } ack)
        {
            _awaitingAck.Remove(ack);
        }

        if (filing.Open is { } open)
        {
            _open.Remove(open);
        }

        filing.Clear();
    }

    /// <summary>Where one job is filed, with the keys it was filed under.</summary>
    private sealed class Filing(JobEntity job, long order)
    {
        public JobEntity Job { get; set; } = job;

        public long Order { get; } = order;

        public string? Status { get; set; }

        public TimedEntry<JobEntity>? Queued { get; set; }

        public string? QueueKey { get; set; }

        public string? QueryQueueKey { get; set; }

        public TimedEntry<JobEntity>? BecomingVisible { get; set; }

        public TimedEntry<JobEntity>? AwaitingAck { get; set; }

        public TimedEntry<JobEntity>? Open { get; set; }

        public void Clear()
        {
            Status = null;
            Queued = null;
            QueueKey = null;
            QueryQueueKey = null;
            BecomingVisible = null;
            AwaitingAck = null;
            Open = null;
        }
    }
}
