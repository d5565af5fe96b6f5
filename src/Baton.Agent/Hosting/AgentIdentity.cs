using System.Security.Cryptography;
using Baton.Agent.Options;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Hosting;

/// <summary>
/// Gives an agent without a configured <see cref="AgentOptions.AgentId"/> a stable one: generated
/// once (<c>&lt;machine name&gt;-&lt;8 hex digits&gt;</c>) and kept in <c>agent-id</c> in the state
/// directory, so a restarted agent finds its own journal entries, and two agents sharing a machine
/// but not a state directory never take each other's.
/// </summary>
public sealed class AgentIdentity : IPostConfigureOptions<AgentOptions>
{
    /// <summary>The file, under the state directory, that holds the generated agent id.</summary>
    public const string FileName = "agent-id";

    /// <inheritdoc />
    public void PostConfigure(string? name, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AgentId) && !string.IsNullOrWhiteSpace(options.StateDirectory))
        {
            options.AgentId = LoadOrCreate(options.StateDirectory);
        }
    }

    /// <summary>Reads the agent id kept in a state directory, creating it on first use.</summary>
    /// <param name="stateDirectory">The agent's state directory.</param>
    /// <exception cref="InvalidOperationException">The file cannot be read or written; the message says what to do.</exception>
    public static string LoadOrCreate(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        try
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(stateDirectory);
                var generated = $"{Environment.MachineName}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
                try
                {
                    using var writer = new StreamWriter(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write });
                    writer.Write(generated);
                    return generated;
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another process created it first: use theirs so both agree.
                }
            }

            var id = File.ReadAllText(path).Trim();
            return id.Length is > 0 and <= 200
                ? id
                : throw new InvalidOperationException($"The agent id file {path} is empty or longer than 200 characters. Delete it to generate a new id, or set Baton:Agent:AgentId.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Baton could not read or create the agent id file {path} ({ex.Message}). Make Baton:Agent:StateDirectory writable, or set Baton:Agent:AgentId.",
                ex);
        }
    }
}
