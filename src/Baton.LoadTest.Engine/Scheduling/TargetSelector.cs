namespace Baton.LoadTest.Engine.Scheduling;

/// <summary>
/// Picks the target of each send in proportion to the weights, deterministically and without a
/// lock: a table laid out by smooth weighted round-robin (weights 3 and 1 give A A B A, not
/// A A A B) is walked by one shared counter.
/// </summary>
internal sealed class TargetSelector
{
    private readonly int[] _table;
    private long _next = -1;

    public TargetSelector(IReadOnlyList<int> weights)
    {
        var gcd = weights.Aggregate(0, (g, w) => Gcd(g, w));
        var reduced = weights.Select(w => w / gcd).ToArray();
        var total = reduced.Sum();
        _table = new int[total];
        var current = new int[reduced.Length];
        for (var slot = 0; slot < total; slot++)
        {
            var best = 0;
            for (var i = 0; i < reduced.Length; i++)
            {
                current[i] += reduced[i];
                if (current[i] > current[best])
                {
                    best = i;
                }
            }

            current[best] -= total;
            _table[slot] = best;
        }
    }

    /// <summary>The index of the target for the next send.</summary>
    public int Next() => _table.Length == 1 ? 0 : _table[(int)((ulong)Interlocked.Increment(ref _next) % (ulong)_table.Length)];

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
