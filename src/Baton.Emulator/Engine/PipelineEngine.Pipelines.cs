using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// Pipeline declarations: create, read (secrets masked), update (a new version; "****" keeps a
// secret), delete and list. Each pipeline action of a third-party type gets a client id/token pair.
public sealed partial class PipelineEngine
{
    private const int MaxPipelines = 1000;

    /// <summary>CreatePipeline: checks and stores version 1 of a pipeline.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response, secrets masked.</returns>
    public Task<CreatePipelineResponse> CreatePipelineAsync(CreatePipelineRequest request, CancellationToken cancellationToken = default) => RunAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Pipeline.Name;
        if (_state.Pipelines.ContainsKey(name))
        {
            throw EngineErrors.PipelineNameInUse(name);
        }

        if (_state.Pipelines.Count >= MaxPipelines)
        {
            throw EngineErrors.LimitExceeded($"An account may have at most {MaxPipelines} pipelines per Region; delete one first.");
        }

        var declaration = Normalize(request.Pipeline, 1);
        PipelineDeclarationChecker.Check(declaration, FindActionType);
        await EnsureArtifactBucketAsync(declaration).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var pipeline = new PipelineEntity { Name = name, Version = 1, Created = now, Updated = now, Tags = [.. request.Tags ?? []] };
        pipeline.Versions[1] = declaration;
        _state.Upsert(pipeline);
        SyncThirdPartyClients(pipeline);
        Record(name, null, "PipelineCreated", "Pipeline created (version 1).");
        Log.PipelineSaved(_logger, name, 1);
        return new CreatePipelineResponse { Pipeline = Mask(declaration), Tags = pipeline.Tags.Count == 0 ? null : pipeline.Tags };
    }, cancellationToken);

    /// <summary>GetPipeline: the current (or a given) version of a pipeline, secrets masked.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<GetPipelineResponse> GetPipelineAsync(GetPipelineRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = RequirePipeline(request.Name);
        var version = request.Version ?? pipeline.Version;
        if (!pipeline.Versions.TryGetValue(version, out var declaration))
        {
            throw EngineErrors.PipelineVersionNotFound(pipeline.Name, version);
        }

        return new GetPipelineResponse
        {
            Pipeline = Mask(declaration),
            Metadata = new PipelineMetadata { PipelineArn = PipelineArn(pipeline.Name), Created = pipeline.Created, Updated = pipeline.Updated },
        };
    }, cancellationToken);

    /// <summary>UpdatePipeline: stores the next version; running executions keep their version.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response, secrets masked.</returns>
    public Task<UpdatePipelineResponse> UpdatePipelineAsync(UpdatePipelineRequest request, CancellationToken cancellationToken = default) => RunAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipeline = RequirePipeline(request.Pipeline.Name);
        var declaration = Normalize(KeepSecrets(request.Pipeline, pipeline.Current), pipeline.Version + 1);
        await SaveVersionAsync(pipeline, declaration).ConfigureAwait(false);
        return new UpdatePipelineResponse { Pipeline = Mask(declaration) };
    }, cancellationToken);

    /// <summary>DeletePipeline: removes a pipeline with its executions and jobs; unknown names are ignored.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>A completed task.</returns>
    public Task DeletePipelineAsync(DeletePipelineRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_state.Pipelines.TryGetValue(request.Name, out var pipeline))
        {
            return 0;
        }

        foreach (var job in _state.Jobs.Values.Where(j => j.PipelineName == pipeline.Name).ToList())
        {
            _artifacts.Revoke(job.AccessKeyId);
            _state.Delete(job);
        }

        foreach (var entity in _state.ActionExecutions.Values.Where(a => a.PipelineName == pipeline.Name).Cast<IStoredEntity>()
            .Concat(_state.Executions.Values.Where(e => e.PipelineName == pipeline.Name))
            .Concat(_state.ThirdPartyClients.Values.Where(c => c.PipelineName == pipeline.Name)).ToList())
        {
            _state.Delete(entity);
        }

        _state.Delete(pipeline);
        Record(pipeline.Name, null, "PipelineDeleted", "Pipeline deleted.");
        return 0;
    }, cancellationToken);

    /// <summary>ListPipelines: every pipeline, by name.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<ListPipelinesResponse> ListPipelinesAsync(ListPipelinesRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = _state.Pipelines.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var (page, next) = Pagination.Page(all, "pipelines", request.NextToken, request.MaxResults ?? 100);
        return new ListPipelinesResponse
        {
            Pipelines = [.. page.Select(p => new PipelineSummary
            {
                Name = p.Name,
                Version = p.Version,
                PipelineType = p.Current.PipelineType,
                ExecutionMode = p.Current.ExecutionMode,
                Created = p.Created,
                Updated = p.Updated,
            })],
            NextToken = next,
        };
    }, cancellationToken);

    private async Task SaveVersionAsync(PipelineEntity pipeline, PipelineDeclaration declaration)
    {
        PipelineDeclarationChecker.Check(declaration, FindActionType);
        await EnsureArtifactBucketAsync(declaration).ConfigureAwait(false);
        pipeline.Version = declaration.Version!.Value;
        pipeline.Versions[pipeline.Version] = declaration;
        pipeline.Updated = _time.GetUtcNow();
        _state.Touch(pipeline);
        SyncThirdPartyClients(pipeline);
        Record(pipeline.Name, null, "PipelineUpdated", $"Pipeline updated (version {pipeline.Version}).");
        Log.PipelineSaved(_logger, pipeline.Name, pipeline.Version);
    }

    private async Task EnsureArtifactBucketAsync(PipelineDeclaration declaration)
    {
        var location = ArtifactStoreOf(declaration).Location;
        var error = await _artifacts.EnsureBucketAsync(location, CancellationToken.None).ConfigureAwait(false);
        if (error is not null)
        {
            throw EngineErrors.InvalidStructure($"Artifact store location '{location}' cannot be used: {error}");
        }
    }

    private static PipelineDeclaration Normalize(PipelineDeclaration declaration, int version) => declaration with
    {
        Version = version,
        ExecutionMode = declaration.ExecutionMode ?? ExecutionMode.Superseded,
        PipelineType = declaration.PipelineType ?? PipelineType.V1,
    };

    private PipelineDeclaration Mask(PipelineDeclaration declaration) => RewriteConfiguration(declaration, (action, key, value) =>
        FindActionTypeIncludingDeleted(action.ActionTypeId)?.IsSecret(key) == true ? SecretMask : value);

    private PipelineDeclaration KeepSecrets(PipelineDeclaration declaration, PipelineDeclaration current)
    {
        var old = current.Stages.SelectMany(s => s.Actions).ToDictionary(a => a.Name, StringComparer.Ordinal);
        return RewriteConfiguration(declaration, (action, key, value) =>
            value == SecretMask && FindActionTypeIncludingDeleted(action.ActionTypeId)?.IsSecret(key) == true
                && old.TryGetValue(action.Name, out var previous) && previous.Configuration?.TryGetValue(key, out var secret) == true
                ? secret!
                : value);
    }

    private const string SecretMask = "****";

    private static PipelineDeclaration RewriteConfiguration(PipelineDeclaration declaration, Func<ActionDeclaration, string, string, string> rewrite) => declaration with
    {
        Stages = [.. declaration.Stages.Select(stage => stage with
        {
            Actions = [.. stage.Actions.Select(action => action.Configuration is null ? action : action with
            {
                Configuration = action.Configuration.ToDictionary(c => c.Key, c => rewrite(action, c.Key, c.Value), StringComparer.Ordinal),
            })],
        })],
    };

    private void SyncThirdPartyClients(PipelineEntity pipeline)
    {
        var wanted = pipeline.Current.Stages
            .SelectMany(s => s.Actions.Where(a => a.ActionTypeId.Owner == ActionOwner.ThirdParty).Select(a => (Stage: s.Name, Action: a)))
            .ToList();
        var existing = _state.ThirdPartyClients.Values.Where(c => c.PipelineName == pipeline.Name).ToList();
        foreach (var (stage, action) in wanted)
        {
            var key = ActionTypeEntity.KeyOf(action.ActionTypeId);
            if (existing.Any(c => c.StageName == stage && c.ActionName == action.Name && c.ActionTypeKey == key))
            {
                continue;
            }

            _state.Upsert(new ThirdPartyClientEntity
            {
                ClientId = _random.NewId(),
                ClientToken = EmulatorRandom.NewSecret(64),
                PipelineName = pipeline.Name,
                StageName = stage,
                ActionName = action.Name,
                ActionTypeKey = key,
                Created = _time.GetUtcNow(),
            });
        }

        foreach (var client in existing.Where(c => !wanted.Any(w =>
            w.Stage == c.StageName && w.Action.Name == c.ActionName && ActionTypeEntity.KeyOf(w.Action.ActionTypeId) == c.ActionTypeKey)))
        {
            _state.Delete(client);
        }
    }
}
