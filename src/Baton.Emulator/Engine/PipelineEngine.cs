using Baton.CodePipeline.Model;
using Baton.Emulator.Hosting;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

/// <summary>
/// The emulated CodePipeline: action types, pipelines, executions, jobs and approvals, with one
/// method per API operation. Every operation runs alone (one gate) against the in-memory state
/// and hands its changes to the store before it returns. Time comes only from the injected
/// <see cref="TimeProvider"/>; <see cref="TickAsync"/> applies every timer that is due.
/// </summary>
public sealed partial class PipelineEngine : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IStateStore _store;
    private readonly EmulatorState _state;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly EmulatorRandom _random;
    private readonly IArtifactStorage _artifacts;
    private readonly ILogger _logger;
    private readonly Queue<string> _pendingSourceCopies = new();
    private readonly Dictionary<string, PendingHandshake> _handshakes = new(StringComparer.Ordinal);
    private bool _started;

    internal PipelineEngine(
        EmulatorOptions options,
        IStateStore store,
        TimeProvider time,
        EmulatorRandom random,
        IArtifactStorage artifacts,
        ILogger<PipelineEngine> logger)
    {
        _options = options;
        _store = store;
        _time = time;
        _random = random;
        _artifacts = artifacts;
        _logger = logger;
        _state = EmulatorState.From(store.Load());
    }

    private string CallerArn => $"arn:aws:iam::{_options.AccountId}:user/{_options.AccessKey}";

    /// <summary>
    /// Prepares state loaded from disk: restores job credentials and artifact buckets, and
    /// resumes source copies that a restart interrupted. Safe to call more than once.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    public Task StartAsync(CancellationToken cancellationToken) => RunAsync(() =>
    {
        if (_started)
        {
            return 0;
        }

        _started = true;
        foreach (var job in _state.Jobs.Values.Where(j => !j.IsTerminal && j.AbandonedReason is null))
        {
            GrantArtifacts(job);
        }

        foreach (var action in _state.ActionExecutions.Values.Where(a => a.IsInProgress && a.Runner == ActionRunners.S3Source))
        {
            _pendingSourceCopies.Enqueue(action.Id);
        }

        Log.EngineStarted(_logger, _state.Pipelines.Count, _state.Executions.Values.Count(e => e.IsActive), _state.Jobs.Values.Count(j => !j.IsTerminal));
        return 0;
    }, cancellationToken, ensureBuckets: true);

    /// <summary>
    /// Applies every timer that is due at the current time: continuation delays, acknowledgement
    /// timeouts (redelivery), job timeouts and action timeouts.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    public Task TickAsync(CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ApplyTimers();
        return 0;
    }, cancellationToken);

    /// <summary>Counts jobs by status, for the metrics endpoint.</summary>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The number of jobs in each status that has any.</returns>
    public Task<IReadOnlyDictionary<string, int>> CountJobsByStatusAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyDictionary<string, int>>(
            _state.JobIndex.CountByStatus,
            cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        _store.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<T> operation, CancellationToken cancellationToken, bool ensureBuckets = false)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = operation();
            if (ensureBuckets)
            {
                foreach (var pipeline in _state.Pipelines.Values)
                {
                    await _artifacts.EnsureBucketAsync(ArtifactStoreOf(pipeline.Current).Location, CancellationToken.None).ConfigureAwait(false);
                }
            }

            await DrainSourceCopiesAsync().ConfigureAwait(false);
            return result;
        }
        finally
        {
            try
            {
                _store.Save(_state.TakeChanges());
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await operation().ConfigureAwait(false);
            await DrainSourceCopiesAsync().ConfigureAwait(false);
            return result;
        }
        finally
        {
            try
            {
                _store.Save(_state.TakeChanges());
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private void Record(string pipeline, string? executionId, string type, string message, string? stage = null, string? action = null)
    {
        var entry = new EventEntity
        {
            Sequence = _state.NextEventSequence++,
            Time = _time.GetUtcNow(),
            PipelineName = pipeline,
            PipelineExecutionId = executionId,
            StageName = stage,
            ActionName = action,
            Type = type,
            Message = message,
        };
        _state.Upsert(entry);
    }

    private static ArtifactStore ArtifactStoreOf(PipelineDeclaration declaration) =>
        declaration.ArtifactStore ?? declaration.ArtifactStores!.Values.First();

    private PipelineEntity RequirePipeline(string name) =>
        _state.Pipelines.TryGetValue(name, out var pipeline) ? pipeline : throw EngineErrors.PipelineNotFound(_options.AccountId, name);

    private string PipelineArn(string name) => $"arn:aws:codepipeline:{_options.Region}:{_options.AccountId}:{name}";

    private ActionTypeEntity? FindActionType(ActionTypeId id) =>
        id.Owner == ActionOwner.Aws
            ? BuiltInActionTypes.Find(id)
            : _state.ActionTypes.TryGetValue(ActionTypeEntity.KeyOf(id), out var type) && !type.Deleted ? type : null;

    private ActionTypeEntity? FindActionTypeIncludingDeleted(ActionTypeId id) =>
        id.Owner == ActionOwner.Aws ? BuiltInActionTypes.Find(id) : _state.ActionTypes.GetValueOrDefault(ActionTypeEntity.KeyOf(id));
}
