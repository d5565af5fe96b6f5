namespace Baton.Agent.Jobs;

/// <summary>
/// Finds the client token of a third-party job's client id: the secret CodePipeline issued when the
/// customer connected the action to the partner, required by every third-party job verb.
/// </summary>
public interface IClientTokenProvider
{
    /// <summary>Returns the client token of a client id.</summary>
    /// <param name="clientId">The client id from the polled job.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <exception cref="ClientTokenNotFoundException">No token is known for the client id.</exception>
    ValueTask<string> GetClientTokenAsync(string clientId, CancellationToken cancellationToken);
}
