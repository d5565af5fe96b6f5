namespace Baton.LoadTest.Store;

/// <summary>
/// A pipeline action connected through the sign-up page: CodePipeline's client id and client token
/// for it, and the account it runs under.
/// </summary>
/// <param name="ClientId">The client id CodePipeline issued for the action.</param>
/// <param name="ClientToken">The client token (a secret: never logged or shown).</param>
/// <param name="AccountId">The account chosen on the sign-up page.</param>
/// <param name="ConnectedAt">When the action was connected (or last reconnected).</param>
public sealed record ConnectedClient(string ClientId, string ClientToken, string AccountId, DateTimeOffset ConnectedAt)
{
    /// <inheritdoc/>
    public override string ToString() => $"ConnectedClient {{ ClientId = {ClientId}, AccountId = {AccountId}, ConnectedAt = {ConnectedAt:O} }}";
}
