namespace Baton.Emulator.Store;

/// <summary>
/// Where the emulator's state is kept between restarts. The engine holds the whole state in
/// memory (<see cref="EmulatorState"/>) and hands every change to the store at the end of each
/// operation, in one batch that is applied atomically.
/// </summary>
internal interface IStateStore : IDisposable
{
    /// <summary>Reads every stored entity.</summary>
    IReadOnlyList<IStoredEntity> Load();

    /// <summary>Writes a batch of changes atomically.</summary>
    /// <param name="batch">The entities written or deleted since the last save.</param>
    void Save(StateChangeBatch batch);
}

/// <summary>The entities one engine operation wrote or deleted.</summary>
/// <param name="Upserts">Entities to insert or replace.</param>
/// <param name="Deletes">Entities to remove.</param>
internal sealed record StateChangeBatch(IReadOnlyList<IStoredEntity> Upserts, IReadOnlyList<IStoredEntity> Deletes)
{
    public bool IsEmpty => Upserts.Count == 0 && Deletes.Count == 0;
}

/// <summary>A store that keeps nothing: state lives in memory only (<c>--in-memory</c>).</summary>
internal sealed class InMemoryStateStore : IStateStore
{
    public IReadOnlyList<IStoredEntity> Load() => [];

    public void Save(StateChangeBatch batch)
    {
    }

    public void Dispose()
    {
    }
}
