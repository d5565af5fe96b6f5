namespace Baton.Chaos;

/// <summary>
/// Which journal the replicas share. SQLite: one file per replica in its state directory, so a
/// killed replica's jobs wait for that replica to come back.
/// </summary>
internal sealed class JournalChoice
{
    private JournalChoice(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public static JournalChoice Sqlite { get; } = new("sqlite");

    /// <summary>Prepares the journal's storage for a fresh run.</summary>
    /// <returns>The command-line arguments that point a replica at it.</returns>
    public Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(["--Chaos:Journal=" + Name]);
}
