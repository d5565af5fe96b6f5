namespace Baton.Emulator.Store;

/// <summary>
/// Indexes of the executions and action executions in <see cref="EmulatorState"/>, so that
/// starting an execution and moving it on cost the same however many executions came before:
/// the active executions of each pipeline, each pipeline's highest execution ordinal, the
/// execution of each client request token, the action executions of each execution, the highest
/// action execution ordinal and the deadlines of the action executions in progress. Filed again
/// on every upsert and touch, like <see cref="JobIndex"/>.
/// </summary>
internal sealed class ExecutionIndex
{
    private readonly Dictionary<string, Dictionary<string, ExecutionEntity>> _activeByPipeline = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<long>> _ordinalsByPipeline = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExecutionEntity> _byClientRequestToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ActionExecutionEntity>> _actionsByExecution = new(StringComparer.Ordinal);
    private readonly SortedSet<long> _actionOrdinals = [];
    private readonly Dictionary<string, TimedEntry<ActionExecutionEntity>> _inProgress = new(StringComparer.Ordinal);
    private readonly SortedSet<TimedEntry<ActionExecutionEntity>> _actionDeadlines = new(TimedEntryComparer<ActionExecutionEntity>.Instance);
    private readonly Dictionary<string, long> _actionOrder = new(StringComparer.Ordinal);
    private long _nextActionOrder;

    /// <summary>Files a new execution, or files a known one again after it changed.</summary>
    public void File(ExecutionEntity execution)
    {
        if (!_ordinalsByPipeline.TryGetValue(execution.PipelineName, out var ordinals))
        {
            _ordinalsByPipeline[execution.PipelineName] = ordinals = [];
        }

        ordinals.Add(execution.Ordinal);
        if (execution.ClientRequestToken is { } token)
        {
            _byClientRequestToken.TryAdd(TokenKey(execution.PipelineName, token), execution);
        }

        if (!_activeByPipeline.TryGetValue(execution.PipelineName, out var active))
        {
            _activeByPipeline[execution.PipelineName] = active = new(StringComparer.Ordinal);
        }

        if (execution.IsActive)
        {
            active[execution.Id] = execution;
        }
        else
        {
            active.Remove(execution.Id);
        }
    }

    /// <summary>Takes a deleted execution out of every index.</summary>
    public void Remove(ExecutionEntity execution)
    {
        _activeByPipeline.GetValueOrDefault(execution.PipelineName)?.Remove(execution.Id);
        _ordinalsByPipeline.GetValueOrDefault(execution.PipelineName)?.Remove(execution.Ordinal);
        if (execution.ClientRequestToken is { } token
            && _byClientRequestToken.TryGetValue(TokenKey(execution.PipelineName, token), out var filed) && filed.Id == execution.Id)
        {
            _byClientRequestToken.Remove(TokenKey(execution.PipelineName, token));
        }
    }

    /// <summary>The executions of a pipeline that are InProgress or Stopping (a superset: callers check).</summary>
    public IEnumerable<ExecutionEntity> ActiveOf(string pipeline) =>
        _activeByPipeline.TryGetValue(pipeline, out var active) ? active.Values : [];

    /// <summary>The highest execution ordinal of a pipeline, or 0 when it has no executions.</summary>
    public long MaxOrdinalOf(string pipeline) =>
        _ordinalsByPipeline.TryGetValue(pipeline, out var ordinals) && ordinals.Count > 0 ? ordinals.Max : 0;

    /// <summary>The execution a client request token started in a pipeline, if any.</summary>
    public ExecutionEntity? ByClientRequestToken(string pipeline, string token) =>
        _byClientRequestToken.GetValueOrDefault(TokenKey(pipeline, token));

    /// <summary>Files a new action execution, or files a known one again after it changed.</summary>
    public void File(ActionExecutionEntity action)
    {
        if (!_actionOrder.TryGetValue(action.Id, out var order))
        {
            _actionOrder[action.Id] = order = _nextActionOrder++;
            if (!_actionsByExecution.TryGetValue(action.PipelineExecutionId, out var actions))
            {
                _actionsByExecution[action.PipelineExecutionId] = actions = [];
            }

            actions.Add(action);
        }
        else
        {
            // A store reload may hand over another instance with the same id: keep the newest.
            var actions = _actionsByExecution[action.PipelineExecutionId];
            var at = actions.FindIndex(a => a.Id == action.Id);
            if (!ReferenceEquals(actions[at], action))
            {
                actions[at] = action;
            }
        }

        _actionOrdinals.Add(action.Ordinal);
        if (_inProgress.Remove(action.Id, out var entry))
        {
            _actionDeadlines.Remove(entry);
        }

        if (action.IsInProgress)
        {
            entry = new TimedEntry<ActionExecutionEntity>(action.Deadline, default, order, action);
            _inProgress[action.Id] = entry;
            _actionDeadlines.Add(entry);
        }
    }

    /// <summary>Takes a deleted action execution out of every index.</summary>
    public void Remove(ActionExecutionEntity action)
    {
        if (!_actionOrder.Remove(action.Id))
        {
            return;
        }

        var actions = _actionsByExecution[action.PipelineExecutionId];
        actions.RemoveAll(a => a.Id == action.Id);
        if (actions.Count == 0)
        {
            _actionsByExecution.Remove(action.PipelineExecutionId);
        }

        _actionOrdinals.Remove(action.Ordinal);
        if (_inProgress.Remove(action.Id, out var entry))
        {
            _actionDeadlines.Remove(entry);
        }
    }

    /// <summary>Every action execution of an execution, in the order they were filed.</summary>
    public IReadOnlyList<ActionExecutionEntity> ActionsOf(string pipelineExecutionId) =>
        _actionsByExecution.TryGetValue(pipelineExecutionId, out var actions) ? actions : [];

    /// <summary>The highest action execution ordinal, or 0 when there are none.</summary>
    public long MaxActionOrdinal => _actionOrdinals.Count > 0 ? _actionOrdinals.Max : 0;

    /// <summary>The action executions in progress whose deadline has passed at <paramref name="now"/>, in the order they were filed.</summary>
    public List<ActionExecutionEntity> InProgressPastDeadline(DateTimeOffset now) =>
        [.. _actionDeadlines.TakeWhile(e => e.At <= now).OrderBy(e => e.Order).Select(e => e.Entity)];

    private static string TokenKey(string pipeline, string token) => pipeline + "\n" + token;
}
