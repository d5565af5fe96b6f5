using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baton.Agent.Continuation;

/// <summary>
/// Seals a <see cref="ContinuationEnvelope"/> into the continuation token CodePipeline carries, and
/// opens it again on whichever agent replica gets the next job.
/// </summary>
/// <remarks>
/// Token layout: <c>bt1.</c> followed by base64url of
/// <c>keyId (1) ‖ nonce (12) ‖ AES-256-GCM ciphertext of the JSON envelope ‖ tag (16)</c>.
/// The associated data is the format version and the key id, so neither can be changed without
/// failing authentication. Sealing (not only signing) keeps backend ids and handler state out of
/// the CodePipeline console and API responses.
/// </remarks>
public sealed class ContinuationCodec
{
    /// <summary>The largest token CodePipeline accepts (the model's <c>ContinuationToken</c> max).</summary>
    public const int MaxTokenLength = 2048;

    /// <summary>The token format version this codec writes and reads.</summary>
    public const byte FormatVersion = 1;

    private const string PrefixStart = "bt";
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + NonceLength;

    private static readonly string _prefix = PrefixStart + FormatVersion.ToString(CultureInfo.InvariantCulture) + ".";

    // The JSON only ever travels encrypted, so HTML-safe escaping would only cost token space.
    private static readonly ContinuationJsonContext _json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly ContinuationKeyRing _keys;

    /// <summary>Creates a codec over a key ring.</summary>
    /// <param name="keys">The current key seals; every key opens.</param>
    public ContinuationCodec(ContinuationKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    /// <summary>The largest envelope JSON, in bytes, that still seals into <see cref="MaxTokenLength"/> characters.</summary>
    internal static int MaxPlaintextLength { get; } = (MaxTokenLength - _prefix.Length) * 3 / 4 - HeaderLength - TagLength;

    /// <summary>Seals an envelope with the ring's current key.</summary>
    /// <param name="envelope">The envelope to seal.</param>
    /// <returns>A token of at most <see cref="MaxTokenLength"/> characters.</returns>
    /// <exception cref="ContinuationStateTooLargeException">The handler state does not fit.</exception>
    public string Seal(ContinuationEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(ToDocument(envelope), _json.EnvelopeDocument);
        if (plaintext.Length > MaxPlaintextLength)
        {
            var withoutState = JsonSerializer.SerializeToUtf8Bytes(ToDocument(envelope with { State = string.Empty }), _json.EnvelopeDocument);
            throw new ContinuationStateTooLargeException(
                Encoding.UTF8.GetByteCount(envelope.State ?? string.Empty),
                Math.Max(0, MaxPlaintextLength - withoutState.Length));
        }

        var key = _keys.Current;
        var sealedBytes = new byte[HeaderLength + plaintext.Length + TagLength];
        sealedBytes[0] = key.Id;
        var nonce = sealedBytes.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Material, TagLength))
        {
            aes.Encrypt(
                nonce,
                plaintext,
                sealedBytes.AsSpan(HeaderLength, plaintext.Length),
                sealedBytes.AsSpan(HeaderLength + plaintext.Length, TagLength),
                AssociatedData(key.Id));
        }

        return _prefix + Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>Opens a token sealed by this or another Baton agent that shares a key.</summary>
    /// <param name="token">The continuation token from the job data.</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="ContinuationTokenException">The token cannot be opened; <see cref="ContinuationTokenException.Error"/> says why.</exception>
    public ContinuationEnvelope Open(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        CheckPrefix(token);

        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(token.AsSpan(_prefix.Length));
        }
        catch (FormatException ex)
        {
            throw new ContinuationTokenException(
                ContinuationTokenError.Malformed,
                "The continuation token is malformed: its body is not valid base64url (was it truncated or edited?).",
                ex);
        }

        if (sealedBytes.Length < HeaderLength + TagLength + 2)
        {
            throw new ContinuationTokenException(
                ContinuationTokenError.Malformed,
                $"The continuation token is malformed: its body is {sealedBytes.Length} bytes, too short for a sealed envelope (was it truncated?).");
        }

        var keyId = sealedBytes[0];
        if (!_keys.TryGetKey(keyId, out var key))
        {
            throw new ContinuationTokenException(
                ContinuationTokenError.UnknownKey,
                $"The continuation token was sealed with key id {keyId}, which this agent does not have (it has {ContinuationKeyRing.FormatIds(_keys.KeyIds)}): "
                + "it was sealed by an agent with a different key, or that key was removed from the key ring too early. Replicas must share their continuation keys.");
        }

        var cipherLength = sealedBytes.Length - HeaderLength - TagLength;
        var plaintext = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(key.Material, TagLength);
            aes.Decrypt(
                sealedBytes.AsSpan(1, NonceLength),
                sealedBytes.AsSpan(HeaderLength, cipherLength),
                sealedBytes.AsSpan(HeaderLength + cipherLength, TagLength),
                plaintext,
                AssociatedData(keyId));
        }
        catch (CryptographicException ex)
        {
            throw new ContinuationTokenException(
                ContinuationTokenError.Tampered,
                $"The continuation token failed authentication with key {keyId} (AES-GCM tag mismatch): it was altered or truncated after it was sealed, or sealed with a different key that has the same id.",
                ex);
        }

        return FromDocument(Deserialize(plaintext));
    }

    private static void CheckPrefix(string token)
    {
        if (token.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var version = dot > PrefixStart.Length && token.StartsWith(PrefixStart, StringComparison.Ordinal)
            ? token[PrefixStart.Length..dot]
            : null;
        if (version is { Length: <= 3 } && version.All(char.IsAsciiDigit))
        {
            throw new ContinuationTokenException(
                ContinuationTokenError.UnsupportedVersion,
                $"The continuation token has Baton format version {version}, but this agent reads version {FormatVersion}: it was sealed by a newer or older Baton agent.");
        }

        throw new ContinuationTokenException(
            ContinuationTokenError.NotBatonToken,
            $"The continuation token is not a Baton token (Baton tokens start with '{_prefix}'): another job worker polling the same action type probably wrote it.");
    }

    private static EnvelopeDocument Deserialize(byte[] plaintext)
    {
        EnvelopeDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(plaintext, _json.EnvelopeDocument);
        }
        catch (JsonException ex)
        {
            throw new ContinuationTokenException(ContinuationTokenError.Malformed, "The continuation token is malformed: its envelope is not valid JSON.", ex);
        }

        if (document is null || document.Version != FormatVersion || string.IsNullOrEmpty(document.OriginJobId) || document.Step < 1)
        {
            throw new ContinuationTokenException(
                ContinuationTokenError.Malformed,
                "The continuation token is malformed: its envelope lacks the version, origin job id or step.");
        }

        return document;
    }

    private static byte[] AssociatedData(byte keyId) => [FormatVersion, keyId];

    private static EnvelopeDocument ToDocument(ContinuationEnvelope envelope) => new()
    {
        Version = FormatVersion,
        State = envelope.State,
        ExternalExecutionId = envelope.ExternalExecutionId,
        OriginJobId = envelope.OriginJobId,
        Step = envelope.Step,
        StartedAt = envelope.StartedAt.ToUnixTimeMilliseconds(),
        NotBefore = envelope.NotBefore?.ToUnixTimeMilliseconds(),
    };

    private static ContinuationEnvelope FromDocument(EnvelopeDocument document) => new()
    {
        State = document.State,
        ExternalExecutionId = document.ExternalExecutionId,
        OriginJobId = document.OriginJobId!,
        Step = document.Step,
        StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(document.StartedAt),
        NotBefore = document.NotBefore is { } notBefore ? DateTimeOffset.FromUnixTimeMilliseconds(notBefore) : null,
    };
}
