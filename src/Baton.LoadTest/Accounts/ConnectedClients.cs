using Baton.Agent.Jobs;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Accounts;

/// <summary>
/// The connections made on the sign-up page, seen from the agent: client id → client token (for the
/// third-party job verbs) and client id → account API key (for the handler's calls to the service).
/// Lets an agent run in-process with the service, as in <c>baton demo</c>.
/// </summary>
/// <param name="store">Where the sign-up page stored the connections.</param>
/// <param name="accounts">The accounts.</param>
public sealed class ConnectedClients(ITestStore store, AccountDirectory accounts) : IClientTokenProvider, ILoadTestAccountResolver
{
    /// <inheritdoc/>
    public async ValueTask<string> GetClientTokenAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        var client = await store.FindClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        return client?.ClientToken ?? throw new ClientTokenNotFoundException(
            clientId,
            $"Client id {clientId} has not been connected to the load-test service: connect the action from the pipeline (the sign-up page stores its client token).");
    }

    /// <inheritdoc/>
    public async ValueTask<string?> FindApiKeyAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        var client = await store.FindClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        return client is null ? null : accounts.FindById(client.AccountId)?.ApiKey;
    }
}
