namespace Baton.Agent.Continuation;

/// <summary>An AES-256 key that seals and opens continuation tokens, named by a one-byte id.</summary>
public sealed class ContinuationKey
{
    /// <summary>The length of a key in bytes (AES-256).</summary>
    public const int KeyLength = 32;

    private readonly byte[] _material;

    /// <summary>Creates a key.</summary>
    /// <param name="id">The id written into every token sealed with this key, so a key ring can pick the key to open it.</param>
    /// <param name="material">The 32 key bytes.</param>
    public ContinuationKey(byte id, ReadOnlySpan<byte> material)
    {
        if (material.Length != KeyLength)
        {
            throw new ArgumentException(
                $"Continuation key {id} is {material.Length} bytes long; it must be exactly {KeyLength} bytes (AES-256).",
                nameof(material));
        }

        Id = id;
        _material = material.ToArray();
    }

    /// <summary>The key id.</summary>
    public byte Id { get; }

    /// <summary>The key bytes.</summary>
    internal ReadOnlySpan<byte> Material => _material;

    /// <summary>Parses a key given as base64 (as in configuration).</summary>
    /// <param name="id">The key id.</param>
    /// <param name="base64">The 32 key bytes in base64.</param>
    /// <exception cref="FormatException">The text is not base64 of exactly 32 bytes.</exception>
    public static ContinuationKey FromBase64(byte id, string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"Continuation key {id} is not valid base64; generate one with `openssl rand -base64 32`.");
        }

        if (bytes.Length != KeyLength)
        {
            throw new FormatException(
                $"Continuation key {id} decodes to {bytes.Length} bytes; it must be {KeyLength} bytes (generate one with `openssl rand -base64 32`).");
        }

        return new ContinuationKey(id, bytes);
    }

    /// <inheritdoc />
    public override string ToString() => $"ContinuationKey {Id}";
}
