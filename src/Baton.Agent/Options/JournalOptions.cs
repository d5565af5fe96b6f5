namespace Baton.Agent.Options;

/// <summary>The crash-recovery journal (<c>Baton:Agent:Journal</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>
    /// The SQLite database file. Default: <c>journal.db</c> in <see cref="AgentOptions.StateDirectory"/>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Resolves the journal file path against the state directory.</summary>
    /// <param name="stateDirectory">The agent's state directory.</param>
    public string ResolvePath(string stateDirectory) =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(stateDirectory, "journal.db") : Path;
}
