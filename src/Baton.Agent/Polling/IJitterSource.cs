using System.Diagnostics.CodeAnalysis;

namespace Baton.Agent.Polling;

/// <summary>
/// Random numbers that spread poll waits, so replicas started together do not poll in lock-step.
/// Injected so tests choose the numbers.
/// </summary>
public interface IJitterSource
{
    /// <summary>Returns a number in [0, 1].</summary>
    double Next();
}

/// <summary>The production jitter source: the shared <see cref="Random"/>.</summary>
internal sealed class SharedJitterSource : IJitterSource
{
    /// <inheritdoc />
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Poll jitter spreads load; it protects nothing.")]
    public double Next() => Random.Shared.NextDouble();
}
