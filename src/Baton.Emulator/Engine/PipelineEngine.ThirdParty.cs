using System.Text.Json;
using Baton.CodePipeline.Model;
using Baton.Emulator.Store;
using Baton.Emulator.ThirdParty;

namespace Baton.Emulator.Engine;

// Third-party clients and the console's "connect" handshake with a partner's configuration page.
public sealed partial class PipelineEngine
{
    /// <summary>Lists the client id/token pairs of third-party actions, optionally of one pipeline.</summary>
    /// <param name="pipelineName">The pipeline, or null for all.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The clients, by pipeline, stage and action.</returns>
    public Task<IReadOnlyList<ThirdPartyClient>> ListThirdPartyClientsAsync(string? pipelineName, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<ThirdPartyClient>>(() =>
        [
            .. _state.ThirdPartyClients.Values
                .Where(c => pipelineName is null || c.PipelineName == pipelineName)
                .OrderBy(c => c.PipelineName, StringComparer.Ordinal).ThenBy(c => c.StageName, StringComparer.Ordinal).ThenBy(c => c.ActionName, StringComparer.Ordinal)
                .Select(c =>
                {
                    var id = _state.ActionTypes.GetValueOrDefault(c.ActionTypeKey)?.Id;
                    return new ThirdPartyClient(c.ClientId, c.ClientToken, c.PipelineName, c.StageName, c.ActionName, id?.Category ?? "", id?.Provider ?? "", id?.Version ?? "");
                }),
        ], cancellationToken);

    /// <summary>Starts the connect handshake for a third-party pipeline action.</summary>
    /// <param name="pipelineName">The pipeline.</param>
    /// <param name="actionName">The third-party action.</param>
    /// <param name="returnUrl">The emulator's return endpoint, absolute.</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>What to POST where.</returns>
    public Task<HandshakeStart> StartThirdPartyHandshakeAsync(string pipelineName, string actionName, Uri returnUrl, CancellationToken cancellationToken = default) => RunAsync(() =>
    {
        ArgumentNullException.ThrowIfNull(returnUrl);
        var pipeline = RequirePipeline(pipelineName);
        var client = _state.ThirdPartyClients.Values.FirstOrDefault(c => c.PipelineName == pipeline.Name && c.ActionName == actionName)
            ?? throw EngineErrors.Validation($"Pipeline '{pipeline.Name}' has no third-party action named '{actionName}'.");
        var type = _state.ActionTypes[client.ActionTypeKey];
        var configurationUrl = type.Settings?.ThirdPartyConfigurationUrl
            ?? throw EngineErrors.Validation($"{ActionTypeEntity.Describe(type.Id)} has no thirdPartyConfigurationUrl, so it cannot be connected.");
        var action = pipeline.Current.Stages.SelectMany(s => s.Actions).First(a => a.Name == actionName);
        var correlationId = _random.NewId();
        _handshakes[correlationId] = new PendingHandshake(pipeline.Name, client.StageName, actionName, _time.GetUtcNow());
        var document = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["clientId"] = client.ClientId,
            ["clientToken"] = client.ClientToken,
            ["correlationId"] = correlationId,
            ["returnUrl"] = returnUrl.ToString(),
            ["configuration"] = action.Configuration ?? new Dictionary<string, string>(),
        });
        return new HandshakeStart(configurationUrl, document, correlationId, returnUrl.ToString());
    }, cancellationToken);

    /// <summary>Completes a handshake: the action gets the returned configuration in a new pipeline version.</summary>
    /// <param name="correlationId">The handshake's correlation id.</param>
    /// <param name="configuration">The configuration the partner returned (merged over the action's).</param>
    /// <param name="cancellationToken">Cancels waiting for the engine.</param>
    /// <returns>The new pipeline version.</returns>
    public Task<HandshakeResult> CompleteThirdPartyHandshakeAsync(string correlationId, IReadOnlyDictionary<string, string> configuration, CancellationToken cancellationToken = default) => RunAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!_handshakes.Remove(correlationId ?? string.Empty, out var pending))
        {
            throw EngineErrors.Validation("The correlation id is unknown or was already used; start the connect step again.");
        }

        var pipeline = RequirePipeline(pending.PipelineName);
        var current = pipeline.Current;
        var updated = RewriteActions(current, pending.ActionName, action => action with
        {
            Configuration = (action.Configuration ?? new Dictionary<string, string>())
                .Concat(configuration.Where(c => !(action.Configuration?.ContainsKey(c.Key) ?? false)))
                .ToDictionary(c => c.Key, c => configuration.TryGetValue(c.Key, out var value) ? value : c.Value, StringComparer.Ordinal),
        }) with
        { Version = pipeline.Version + 1 };
        await SaveVersionAsync(pipeline, updated).ConfigureAwait(false);
        Log.HandshakeCompleted(_logger, pipeline.Name, pending.ActionName);
        return new HandshakeResult(pipeline.Name, pending.StageName, pending.ActionName, pipeline.Version);
    }, cancellationToken);

    private static PipelineDeclaration RewriteActions(PipelineDeclaration declaration, string actionName, Func<ActionDeclaration, ActionDeclaration> rewrite) => declaration with
    {
        Stages = [.. declaration.Stages.Select(stage => stage with
        {
            Actions = [.. stage.Actions.Select(action => action.Name == actionName ? rewrite(action) : action)],
        })],
    };

    private sealed record PendingHandshake(string PipelineName, string StageName, string ActionName, DateTimeOffset Started);
}
