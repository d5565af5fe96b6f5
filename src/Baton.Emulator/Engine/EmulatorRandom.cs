using System.Security.Cryptography;

namespace Baton.Emulator.Engine;

/// <summary>
/// The emulator's source of randomness: identifiers and fault decisions from a seedable
/// generator (reproducible runs), secrets (tokens, credentials) always from the system's
/// cryptographic generator.
/// </summary>
public sealed class EmulatorRandom
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random _random;
    private readonly Lock _lock = new();

    /// <summary>Creates the source.</summary>
    /// <param name="seed">A seed for reproducible identifiers and faults, or null for a random one.</param>
    public EmulatorRandom(int? seed = null)
    {
#pragma warning disable CA5394 // Identifiers and fault decisions need reproducibility, not secrecy; secrets use RandomNumberGenerator.
        _random = seed is { } s ? new Random(s) : new Random();
#pragma warning restore CA5394
    }

    /// <summary>A value in [0, 1), for fault probabilities.</summary>
    public double NextDouble()
    {
        lock (_lock)
        {
#pragma warning disable CA5394 // See the constructor.
            return _random.NextDouble();
#pragma warning restore CA5394
        }
    }

    /// <summary>A new lower-case UUID, for job, execution and client ids.</summary>
    public string NewId()
    {
        var bytes = new byte[16];
        lock (_lock)
        {
#pragma warning disable CA5394 // See the constructor.
            _random.NextBytes(bytes);
#pragma warning restore CA5394
        }

        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>A short random name part, for artifact keys.</summary>
    /// <param name="length">How many characters.</param>
    public string NewName(int length)
    {
        lock (_lock)
        {
#pragma warning disable CA5394 // See the constructor.
            return new string([.. Enumerable.Range(0, length).Select(_ => Alphanumeric[_random.Next(Alphanumeric.Length)])]);
#pragma warning restore CA5394
        }
    }

    /// <summary>A secret of <paramref name="length"/> characters from the cryptographic generator.</summary>
    /// <param name="length">How many characters.</param>
    public static string NewSecret(int length) => RandomNumberGenerator.GetString(Alphanumeric, length);

    /// <summary>An access key id in the AWS temporary-credential form (<c>ASIA</c> and 16 characters).</summary>
    public static string NewAccessKeyId() => "ASIA" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
}
