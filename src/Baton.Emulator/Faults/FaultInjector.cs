namespace Baton.Emulator.Faults;

/// <summary>
/// Holds the active fault rules and decides, per CodePipeline call, which fault (if any) to
/// inject. Decisions come from a seedable random source, so a run with a seed is reproducible.
/// Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<(FaultRule Rule, int Remaining)> _rules = [];
    private Random _random;

    /// <summary>Creates the injector.</summary>
    /// <param name="seed">The seed for fault decisions, or null for a random one.</param>
    public FaultInjector(int? seed)
    {
        _random = Create(seed);
    }

    /// <summary>The active rules, with how many hits each has left (null: no limit).</summary>
    public IReadOnlyList<(FaultRule Rule, int? Remaining)> Rules
    {
        get
        {
            lock (_lock)
            {
                return [.. _rules.Select(r => (r.Rule, r.Rule.Count is null ? (int?)null : r.Remaining))];
            }
        }
    }

    /// <summary>Adds a rule; with a seed, restarts the random source from it.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="seed">A new seed, or null to keep the current source.</param>
    public void Add(FaultRule rule, int? seed)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_lock)
        {
            if (seed is not null)
            {
                _random = Create(seed);
            }

            _rules.Add((rule, rule.Count ?? int.MaxValue));
        }
    }

    /// <summary>Removes the rules of one operation, or all rules.</summary>
    /// <param name="operation">The operation, or null for every rule.</param>
    /// <returns>How many rules were removed.</returns>
    public int Clear(string? operation)
    {
        lock (_lock)
        {
            return _rules.RemoveAll(r => operation is null || r.Rule.Operation == operation);
        }
    }

    /// <summary>Decides the fault for one call: the first matching rule that fires.</summary>
    /// <param name="operation">The operation being called.</param>
    /// <returns>The rule that fires, or null.</returns>
    public FaultRule? Decide(string operation)
    {
        lock (_lock)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, remaining) = _rules[i];
                if (!rule.Matches(operation) || remaining <= 0)
                {
                    continue;
                }

#pragma warning disable CA5394 // Fault decisions need reproducibility, not secrecy.
                if (rule.Probability is { } probability && _random.NextDouble() >= probability)
#pragma warning restore CA5394
                {
                    continue;
                }

                _rules[i] = (rule, remaining - 1);
                return rule;
            }

            return null;
        }
    }

#pragma warning disable CA5394 // See Decide.
    private static Random Create(int? seed) => seed is { } s ? new Random(s) : new Random();
#pragma warning restore CA5394
}
