namespace Baton.Chaos.Backend;

/// <summary>
/// What the fake backend saw: one run per idempotency key (a repeated start with the same key is
/// deduplicated and counted), every (key, step) with how late it ran beyond its <c>checkAfter</c>,
/// and every repeat of a (key, step) — a step the agents ran again. Every call is written to
/// <paramref name="log"/> (job id and replica included) for the post-mortem of a failed run.
/// Thread-safe.
/// </summary>
internal sealed class BackendLedger(TimeProvider time, TextWriter log)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Run> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _keysByPipelineExecution = new(StringComparer.Ordinal);
    private readonly List<TimeSpan> _stepDelays = [];
    private int _duplicateStarts;
    private int _repeatedSteps;
    private int _stepsWithoutRun;

    /// <summary>Starts the run of <paramref name="key"/>, or returns the existing one.</summary>
    /// <returns>The run id and whether the start was a duplicate.</returns>
    public (string RunId, bool Deduplicated) Start(string key, string? pipelineExecutionId, string jobId, string replica)
    {
        lock (_lock)
        {
            log.WriteLine($"{time.GetUtcNow():HH:mm:ss.fff} start key={key} execution={pipelineExecutionId} job={jobId} replica={replica} repeat={_runs.ContainsKey(key)}");
            if (pipelineExecutionId is not null)
            {
                if (!_keysByPipelineExecution.TryGetValue(pipelineExecutionId, out var keys))
                {
                    _keysByPipelineExecution[pipelineExecutionId] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(key);
            }

            if (_runs.TryGetValue(key, out var run))
            {
                _duplicateStarts++;
                return (run.Id, true);
            }

            run = new Run("run-" + (_runs.Count + 1));
            _runs[key] = run;
            return (run.Id, false);
        }
    }

    /// <summary>Records one step; a step due at <paramref name="due"/> that runs now is late by the difference.</summary>
    public void Step(string key, int step, DateTimeOffset due, string jobId, string replica)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            log.WriteLine($"{now:HH:mm:ss.fff} step key={key} step={step} job={jobId} replica={replica} late={(now - due).TotalMilliseconds:0}ms");
            if (!_runs.TryGetValue(key, out var run))
            {
                _stepsWithoutRun++;
                return;
            }

            if (!run.Steps.Add(step))
            {
                _repeatedSteps++;
                return;
            }

            _stepDelays.Add(now > due ? now - due : TimeSpan.Zero);
        }
    }

    public LedgerSummary Summarize(int expectedSteps)
    {
        lock (_lock)
        {
            var delays = _stepDelays.Order().ToArray();
            return new LedgerSummary(
                Runs: _runs.Count,
                DuplicateStarts: _duplicateStarts,
                RepeatedSteps: _repeatedSteps,
                StepsWithoutRun: _stepsWithoutRun,
                StepsRun: delays.Length,
                IncompleteRuns: _runs.Values.Count(r => r.Steps.Count != expectedSteps),
                PipelineExecutionsWithSeveralKeys: _keysByPipelineExecution.Values.Count(k => k.Count > 1),
                MaxStepDelay: delays.Length == 0 ? TimeSpan.Zero : delays[^1],
                P95StepDelay: delays.Length == 0 ? TimeSpan.Zero : delays[(int)Math.Ceiling(delays.Length * 0.95) - 1],
                MedianStepDelay: delays.Length == 0 ? TimeSpan.Zero : delays[delays.Length / 2]);
        }
    }

    private sealed record Run(string Id)
    {
        public HashSet<int> Steps { get; } = [];
    }
}

/// <summary>The backend's view of a chaos run.</summary>
internal sealed record LedgerSummary(
    int Runs,
    int DuplicateStarts,
    int RepeatedSteps,
    int StepsWithoutRun,
    int StepsRun,
    int IncompleteRuns,
    int PipelineExecutionsWithSeveralKeys,
    TimeSpan MaxStepDelay,
    TimeSpan P95StepDelay,
    TimeSpan MedianStepDelay);
