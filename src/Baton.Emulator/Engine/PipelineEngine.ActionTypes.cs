using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// Custom action types (CreateCustomActionType, DeleteCustomActionType, ListActionTypes) and the
// admin registration of third-party action types, which share the same definition.
public sealed partial class PipelineEngine
{
    private const int MaxCustomActionTypes = 50;

    /// <summary>CreateCustomActionType: creates (or restores an identical deleted) custom action type.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<CreateCustomActionTypeResponse> CreateCustomActionTypeAsync(CreateCustomActionTypeRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(() => CreateActionType(request, ActionOwner.Custom), cancellationToken);

    /// <summary>
    /// Registers a third-party action type, as the CodePipeline team would for a partner. The
    /// definition is the same as CreateCustomActionType's; the owner is ThirdParty.
    /// </summary>
    /// <param name="request">The definition.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The registered type.</returns>
    public Task<CreateCustomActionTypeResponse> RegisterThirdPartyActionTypeAsync(CreateCustomActionTypeRequest request, CancellationToken cancellationToken = default) =>
        RunAsync(() => CreateActionType(request, ActionOwner.ThirdParty), cancellationToken);

    /// <summary>DeleteCustomActionType: marks a custom action type deleted; unknown types are ignored.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>A completed task.</returns>
    public Task DeleteCustomActionTypeAsync(DeleteCustomActionTypeRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = new ActionTypeId { Owner = ActionOwner.Custom, Category = request.Category, Provider = request.Provider, Version = request.Version };
        if (_state.ActionTypes.TryGetValue(ActionTypeEntity.KeyOf(id), out var type) && !type.Deleted)
        {
            type.Deleted = true;
            _state.Touch(type);
            Log.ActionTypeDeleted(_logger, type.StoreId);
        }

        return 0;
    }, cancellationToken);

    /// <summary>ListActionTypes: the built-in AWS types, and the custom and third-party types that are not deleted.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The response.</returns>
    public Task<ListActionTypesResponse> ListActionTypesAsync(ListActionTypesRequest request, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = BuiltInActionTypes.All.Concat(_state.ActionTypes.Values.Where(t => !t.Deleted))
            .Where(t => request.ActionOwnerFilter is null || t.Id.Owner == request.ActionOwnerFilter)
            .OrderBy(t => t.StoreId, StringComparer.Ordinal)
            .ToList();
        var (page, next) = Pagination.Page(all, "action-types/" + request.ActionOwnerFilter, request.NextToken, 100);
        return new ListActionTypesResponse { ActionTypes = [.. page.Select(ToWire)], NextToken = next };
    }, cancellationToken);

    private CreateCustomActionTypeResponse CreateActionType(CreateCustomActionTypeRequest request, string owner)
    {
        ArgumentNullException.ThrowIfNull(request);
        var properties = request.ConfigurationProperties ?? [];
        var queryable = properties.Where(p => p.Queryable == true).ToList();
        if (queryable.Count > 1)
        {
            throw EngineErrors.Validation("At most one configuration property may be queryable.");
        }

        if (queryable.Count == 1 && (!queryable[0].Required || queryable[0].Secret))
        {
            throw EngineErrors.Validation($"Queryable configuration property '{queryable[0].Name}' must be required and not secret.");
        }

        var duplicate = properties.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw EngineErrors.Validation($"Configuration property '{duplicate.Key}' is declared more than once.");
        }

        var candidate = new ActionTypeEntity
        {
            Id = new ActionTypeId { Owner = owner, Category = request.Category, Provider = request.Provider, Version = request.Version },
            Settings = request.Settings,
            ConfigurationProperties = [.. properties],
            InputArtifactDetails = request.InputArtifactDetails,
            OutputArtifactDetails = request.OutputArtifactDetails,
            Tags = [.. request.Tags ?? []],
            Created = _time.GetUtcNow(),
        };
        if (_state.ActionTypes.TryGetValue(candidate.StoreId, out var existing))
        {
            var identical = CodePipelineJson.Serialize(ToWire(existing)) == CodePipelineJson.Serialize(ToWire(candidate));
            if (!identical)
            {
                throw EngineErrors.Validation(existing.Deleted
                    ? $"{ActionTypeEntity.Describe(candidate.Id)} was deleted; a deleted version can only be restored with an identical definition. Use a version that has never been used."
                    : $"{ActionTypeEntity.Describe(candidate.Id)} already exists with a different definition; use a new version.");
            }

            existing.Deleted = false;
            _state.Touch(existing);
            return new CreateCustomActionTypeResponse { ActionType = ToWire(existing), Tags = existing.Tags.Count == 0 ? null : existing.Tags };
        }

        if (owner == ActionOwner.Custom && _state.ActionTypes.Values.Count(t => t.Id.Owner == ActionOwner.Custom && !t.Deleted) >= MaxCustomActionTypes)
        {
            throw EngineErrors.LimitExceeded($"An account may have at most {MaxCustomActionTypes} custom action types per Region; delete one first.");
        }

        _state.Upsert(candidate);
        Log.ActionTypeCreated(_logger, candidate.StoreId);
        return new CreateCustomActionTypeResponse { ActionType = ToWire(candidate), Tags = candidate.Tags.Count == 0 ? null : candidate.Tags };
    }

    private static ActionType ToWire(ActionTypeEntity type) => new()
    {
        Id = type.Id,
        Settings = type.Settings,
        ActionConfigurationProperties = type.ConfigurationProperties,
        InputArtifactDetails = type.InputArtifactDetails,
        OutputArtifactDetails = type.OutputArtifactDetails,
    };
}
