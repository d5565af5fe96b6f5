namespace Baton.Emulator.Store;

/// <summary>
/// The emulator's whole state in memory, with the set of entities changed since the last save.
/// Not thread-safe: the engine serialises every access. Entities are filed in <see cref="JobIndex"/>
/// and <see cref="ExecutionIndex"/> whenever they are upserted or touched, which is why every change
/// to an entity is followed by <see cref="Touch"/>.
/// </summary>
internal sealed class EmulatorState
{
    private readonly Dictionary<string, IStoredEntity> _upserts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IStoredEntity> _deletes = new(StringComparer.Ordinal);
    private readonly HashSet<EventEntity> _eventSet = new(ReferenceEqualityComparer.Instance);

    public Dictionary<string, ActionTypeEntity> ActionTypes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PipelineEntity> Pipelines { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ExecutionEntity> Executions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ActionExecutionEntity> ActionExecutions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JobEntity> Jobs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ThirdPartyClientEntity> ThirdPartyClients { get; } = new(StringComparer.Ordinal);

    public List<EventEntity> Events { get; } = [];

    /// <summary>The jobs indexed by queue, timer, action execution and status.</summary>
    public JobIndex JobIndex { get; } = new();

    /// <summary>The executions and action executions indexed for the scheduler and the timers.</summary>
    public ExecutionIndex ExecutionIndex { get; } = new();

    public long NextEventSequence { get; set; } = 1;

    /// <summary>Builds the state from what a store loaded.</summary>
    public static EmulatorState From(IEnumerable<IStoredEntity> entities)
    {
        var state = new EmulatorState();
        foreach (var entity in entities)
        {
            state.Put(entity);
        }

        state.Events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        state.NextEventSequence = state.Events.Count == 0 ? 1 : state.Events[^1].Sequence + 1;
        state._upserts.Clear();
        return state;
    }

    /// <summary>Adds or replaces an entity and marks it changed.</summary>
    public void Upsert(IStoredEntity entity)
    {
        Put(entity);
        var key = Key(entity);
        _deletes.Remove(key);
        _upserts[key] = entity;
    }

    /// <summary>Marks an entity already in the state as changed.</summary>
    public void Touch(IStoredEntity entity)
    {
        _upserts[Key(entity)] = entity;
        switch (entity)
        {
            case JobEntity j:
                JobIndex.File(j);
                break;
            case ExecutionEntity e:
                ExecutionIndex.File(e);
                break;
            case ActionExecutionEntity a:
                ExecutionIndex.File(a);
                break;
        }
    }

    /// <summary>Removes an entity and marks it deleted.</summary>
    public void Delete(IStoredEntity entity)
    {
        switch (entity)
        {
            case PipelineEntity p:
                Pipelines.Remove(p.Name);
                break;
            case ExecutionEntity e:
                Executions.Remove(e.Id);
                ExecutionIndex.Remove(e);
                break;
            case ActionExecutionEntity a:
                ActionExecutions.Remove(a.Id);
                ExecutionIndex.Remove(a);
                break;
            case JobEntity j:
                Jobs.Remove(j.Id);
                JobIndex.Remove(j);
                break;
            case ThirdPartyClientEntity c:
                ThirdPartyClients.Remove(c.ClientId);
                break;
            case ActionTypeEntity t:
                ActionTypes.Remove(t.StoreId);
                break;
            default:
                throw new ArgumentException($"Entities of kind '{entity.StoreKind}' are never deleted.", nameof(entity));
        }

        var key = Key(entity);
        _upserts.Remove(key);
        _deletes[key] = entity;
    }

    /// <summary>Returns and clears the changes since the last call.</summary>
    public StateChangeBatch TakeChanges()
    {
        var batch = new StateChangeBatch([.. _upserts.Values], [.. _deletes.Values]);
        _upserts.Clear();
        _deletes.Clear();
        return batch;
    }

    private void Put(IStoredEntity entity)
    {
        switch (entity)
        {
            case ActionTypeEntity t:
                ActionTypes[t.StoreId] = t;
                break;
            case PipelineEntity p:
                Pipelines[p.Name] = p;
                break;
            case ExecutionEntity e:
                Executions[e.Id] = e;
                ExecutionIndex.File(e);
                break;
            case ActionExecutionEntity a:
                ActionExecutions[a.Id] = a;
                ExecutionIndex.File(a);
                break;
            case JobEntity j:
                Jobs[j.Id] = j;
                JobIndex.File(j);
                break;
            case ThirdPartyClientEntity c:
                ThirdPartyClients[c.ClientId] = c;
                break;
            case EventEntity ev when _eventSet.Add(ev):
                Events.Add(ev);
                break;
            case EventEntity:
                break;
            default:
                throw new ArgumentException($"Unknown entity kind '{entity.StoreKind}'.", nameof(entity));
        }
    }

    private static string Key(IStoredEntity entity) => entity.StoreKind + "\n" + entity.StoreId;
}
