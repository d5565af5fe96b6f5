namespace Baton.Agent.Continuation;

/// <summary>
/// The keys an agent knows: the current key seals new tokens; every key opens tokens. Rotation is
/// "add the new key, make it current, remove the old one once no token sealed with it can be in
/// flight" (the longest action execution).
/// </summary>
public sealed class ContinuationKeyRing
{
    private readonly Dictionary<byte, ContinuationKey> _keys;

    /// <summary>Creates a key ring.</summary>
    /// <param name="keys">Every key that may open a token; ids must be unique.</param>
    /// <param name="currentKeyId">The id of the key that seals new tokens; it must be among <paramref name="keys"/>.</param>
    public ContinuationKeyRing(IEnumerable<ContinuationKey> keys, byte currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [];
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"Continuation key id {key.Id} is configured twice; key ids must be unique.", nameof(keys));
            }
        }

        if (!_keys.TryGetValue(currentKeyId, out var current))
        {
            throw new ArgumentException(
                $"The current continuation key id {currentKeyId} is not among the configured keys ({FormatIds(_keys.Keys)}).",
                nameof(currentKeyId));
        }

        Current = current;
    }

    /// <summary>The key that seals new tokens.</summary>
    public ContinuationKey Current { get; }

    /// <summary>The ids of every key that can open a token, ascending.</summary>
    public IReadOnlyList<byte> KeyIds => [.. _keys.Keys.Order()];

    /// <summary>Creates a ring of one key.</summary>
    /// <param name="key">The only key, used for sealing and opening.</param>
    public static ContinuationKeyRing Single(ContinuationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ContinuationKeyRing([key], key.Id);
    }

    /// <summary>Finds the key with an id.</summary>
    /// <param name="id">The key id read from a token.</param>
    /// <param name="key">The key, when known.</param>
    public bool TryGetKey(byte id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ContinuationKey? key) =>
        _keys.TryGetValue(id, out key);

    internal static string FormatIds(IEnumerable<byte> ids) => string.Join(", ", ids.Order());
}
