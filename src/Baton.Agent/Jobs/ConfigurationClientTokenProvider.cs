using Baton.Agent.Options;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Jobs;

/// <summary>Client tokens from configuration: <c>Baton:Agent:ClientTokens:&lt;clientId&gt;</c>, re-read when configuration changes.</summary>
public sealed class ConfigurationClientTokenProvider : IClientTokenProvider
{
    private readonly IOptionsMonitor<AgentOptions> _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">The agent options.</param>
    public ConfigurationClientTokenProvider(IOptionsMonitor<AgentOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public ValueTask<string> GetClientTokenAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        return _options.CurrentValue.ClientTokens.TryGetValue(clientId, out var token) && !string.IsNullOrEmpty(token)
            ? ValueTask.FromResult(token)
            : ValueTask.FromException<string>(new ClientTokenNotFoundException(
                clientId,
                $"No client token is configured for client id {clientId}: set Baton:Agent:ClientTokens:{clientId} to the client token CodePipeline issued when the action was connected."));
    }
}
