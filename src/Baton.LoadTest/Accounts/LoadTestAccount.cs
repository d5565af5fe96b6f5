namespace Baton.LoadTest.Accounts;

/// <summary>A customer account of the load-test service and its API key.</summary>
/// <param name="Id">The account id (letters, digits, '-' and '_').</param>
/// <param name="ApiKey">The API key: sent as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>. A secret.</param>
public sealed record LoadTestAccount(string Id, string ApiKey)
{
    /// <summary>The account seeded when none is configured: id <c>demo</c>, key <c>baton-demo-key</c>.</summary>
    public static LoadTestAccount Demo { get; } = new("demo", "baton-demo-key");

    /// <inheritdoc/>
    public override string ToString() => $"LoadTestAccount {{ Id = {Id} }}";
}
