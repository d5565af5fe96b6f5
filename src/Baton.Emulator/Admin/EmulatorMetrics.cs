using System.Collections.Concurrent;

namespace Baton.Emulator.Admin;

/// <summary>Counts CodePipeline API calls and errors per operation. Thread-safe.</summary>
public sealed class EmulatorMetrics
{
    private readonly ConcurrentDictionary<string, Counters> _operations = new(StringComparer.Ordinal);

    /// <summary>Counts one call.</summary>
    /// <param name="operation">The operation, or <c>(unknown)</c> before it is known.</param>
    public void CountCall(string operation) => Interlocked.Increment(ref For(operation).Calls);

    /// <summary>Counts one error answer.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="code">The error code answered.</param>
    public void CountError(string operation, string code)
    {
        var counters = For(operation);
        Interlocked.Increment(ref counters.Errors);
        counters.ByCode.AddOrUpdate(code, 1, (_, n) => n + 1);
    }

    /// <summary>A snapshot: per operation, calls, errors and errors by code.</summary>
    public IReadOnlyDictionary<string, OperationMetrics> Snapshot() =>
        _operations.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(
            o => o.Key,
            o => new OperationMetrics(
                Interlocked.Read(ref o.Value.Calls),
                Interlocked.Read(ref o.Value.Errors),
                o.Value.ByCode.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal)),
            StringComparer.Ordinal);

    private Counters For(string operation) => _operations.GetOrAdd(operation, _ => new Counters());

    private sealed class Counters
    {
#pragma warning disable SA1401, CA1051 // Fields so Interlocked can update them in place.
        public long Calls;
        public long Errors;
#pragma warning restore SA1401, CA1051

        public ConcurrentDictionary<string, long> ByCode { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>The counters of one operation.</summary>
/// <param name="Calls">Calls received.</param>
/// <param name="Errors">Error answers.</param>
/// <param name="ErrorsByCode">Error answers by error code.</param>
public sealed record OperationMetrics(long Calls, long Errors, IReadOnlyDictionary<string, long> ErrorsByCode);
