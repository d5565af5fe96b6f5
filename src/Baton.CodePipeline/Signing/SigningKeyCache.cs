using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Baton.CodePipeline.Signing;

/// <summary>
/// Caches derived signing keys per access key, date, region and service: a key is valid for a whole
/// day, and deriving it costs four HMACs per request otherwise.
/// </summary>
internal sealed class SigningKeyCache
{
    private const int MaxEntries = 512;

    private readonly ConcurrentDictionary<(string AccessKeyId, CredentialScope Scope), Entry> _entries = new();

    /// <summary>Returns the signing key for these credentials and scope, deriving it once.</summary>
    public byte[] Get(AwsCredentials credentials, CredentialScope scope)
    {
        var secretFingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(credentials.SecretAccessKey));
        var cacheKey = (credentials.AccessKeyId, scope);
        if (_entries.TryGetValue(cacheKey, out var entry)
            && CryptographicOperations.FixedTimeEquals(entry.SecretFingerprint, secretFingerprint))
        {
            return entry.SigningKey;
        }

        if (_entries.Count >= MaxEntries)
        {
            // Keys for older dates are useless; a rare full reset is simpler than LRU bookkeeping.
            _entries.Clear();
        }

        var signingKey = SigV4SigningKey.Derive(credentials.SecretAccessKey, scope);
        _entries[cacheKey] = new Entry(secretFingerprint, signingKey);
        return signingKey;
    }

    private sealed record Entry(byte[] SecretFingerprint, byte[] SigningKey);
}
