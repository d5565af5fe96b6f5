using System.Security.Cryptography;
using System.Text;

namespace Baton.LoadTest.Accounts;

/// <summary>
/// The accounts the service knows (seeded from its options) and API-key authentication:
/// <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>.
/// </summary>
public sealed class AccountDirectory
{
    private readonly IReadOnlyList<LoadTestAccount> _accounts;

    /// <summary>Creates the directory.</summary>
    /// <param name="accounts">The accounts; ids and keys must be unique.</param>
    public AccountDirectory(IEnumerable<LoadTestAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _accounts = [.. accounts];
    }

    /// <summary>The accounts.</summary>
    public IReadOnlyList<LoadTestAccount> Accounts => _accounts;

    /// <summary>Finds the account of an API key.</summary>
    /// <param name="apiKey">The key as presented.</param>
    /// <returns>The account, or null for an unknown or empty key.</returns>
    public LoadTestAccount? FindByApiKey(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return null;
        }

        var presented = Encoding.UTF8.GetBytes(apiKey);
        LoadTestAccount? match = null;

        // Compare with every key in constant time, so timing reveals neither which key nor how much matched.
        foreach (var account in _accounts)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(account.ApiKey)))
            {
                match = account;
            }
        }

        return match;
    }

    /// <summary>Finds an account by id.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>The account, or null.</returns>
    public LoadTestAccount? FindById(string accountId) =>
        _accounts.FirstOrDefault(a => string.Equals(a.Id, accountId, StringComparison.Ordinal));

    /// <summary>Authenticates a request by its <c>Authorization: Bearer</c> or <c>X-Api-Key</c> header.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The account, or null when no valid key was presented.</returns>
    public LoadTestAccount? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        var key = authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            ? authorization[Bearer.Length..].Trim()
            : request.Headers["X-Api-Key"].ToString().Trim();
        return FindByApiKey(key);
    }
}
