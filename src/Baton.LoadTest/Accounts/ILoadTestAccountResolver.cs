namespace Baton.LoadTest.Accounts;

/// <summary>
/// Tells the agent-side handler which account a third-party job runs under: the sign-up page mapped
/// the action's client id to an account, and the handler calls the service with that account's key.
/// </summary>
public interface ILoadTestAccountResolver
{
    /// <summary>Returns the API key of the account a client id was connected to.</summary>
    /// <param name="clientId">The third-party job's client id.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The API key, or null when the client id was never connected (or its account is gone).</returns>
    ValueTask<string?> FindApiKeyAsync(string clientId, CancellationToken cancellationToken);
}
