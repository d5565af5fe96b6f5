using System.Security.Cryptography;
using Baton.Agent.Options;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Continuation;

/// <summary>
/// Builds the <see cref="ContinuationKeyRing"/> from configuration, or, when no key is configured,
/// from a key the agent generates once and keeps in its state directory.
/// </summary>
public static class ContinuationKeyRingLoader
{
    /// <summary>The key id of the generated single-agent key.</summary>
    public const byte GeneratedKeyId = 0;

    /// <summary>The file, under the state directory, that holds the generated key.</summary>
    public const string GeneratedKeyFileName = "continuation.key";

    /// <summary>Builds the key ring.</summary>
    /// <param name="options">The validated agent options.</param>
    /// <param name="logger">Receives the warning when a generated key is used.</param>
    public static ContinuationKeyRing Load(AgentOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var configured = options.Continuation.Keys;
        if (configured.Count > 0)
        {
            var keys = configured.Select(k => ContinuationKey.FromBase64((byte)k.Id, k.Key)).ToList();
            var current = (byte)(options.Continuation.CurrentKeyId ?? configured.Max(k => k.Id));
            return new ContinuationKeyRing(keys, current);
        }

        var path = Path.Combine(options.StateDirectory, GeneratedKeyFileName);
        Log.UsingGeneratedContinuationKey(logger, path);
        return ContinuationKeyRing.Single(LoadOrCreate(path));
    }

    private static ContinuationKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var material = RandomNumberGenerator.GetBytes(ContinuationKey.KeyLength);
            try
            {
                var createOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    createOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var writer = new StreamWriter(path, createOptions);
                writer.Write(Convert.ToBase64String(material));
                return new ContinuationKey(GeneratedKeyId, material);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs so both agree.
            }
        }

        try
        {
            return ContinuationKey.FromBase64(GeneratedKeyId, File.ReadAllText(path));
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException(
                $"The continuation key file {path} is corrupt ({ex.Message}). Delete it to generate a new key; in-flight continuation tokens sealed with it will then fail.",
                ex);
        }
    }
}
