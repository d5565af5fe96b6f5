namespace Baton.Emulator.Store;

/// <summary>
/// One entity filed in a time-ordered index, with the instants it was filed under. The index keeps
/// the entry itself, so the entity can be taken out again even after its fields have changed.
/// </summary>
/// <param name="At">The primary sort key (when the entity becomes due or visible).</param>
/// <param name="Then">The secondary sort key.</param>
/// <param name="Order">The entity's insertion number: the last tie-breaker, unique per index.</param>
/// <param name="Entity">The entity.</param>
internal readonly record struct TimedEntry<T>(DateTimeOffset At, DateTimeOffset Then, long Order, T Entity)
    where T : class;

/// <summary>Orders entries by <see cref="TimedEntry{T}.At"/>, then <see cref="TimedEntry{T}.Then"/>, then insertion.</summary>
internal sealed class TimedEntryComparer<T> : IComparer<TimedEntry<T>>
    where T : class
{
    public static readonly TimedEntryComparer<T> Instance = new();

    public int Compare(TimedEntry<T> x, TimedEntry<T> y)
    {
        var at = x.At.CompareTo(y.At);
        if (at != 0)
        {
            return at;
        }

        var then = x.Then.CompareTo(y.Then);
        return then != 0 ? then : x.Order.CompareTo(y.Order);
    }
}
