using System.Diagnostics.CodeAnalysis;

namespace Baton.CodePipeline.Client;

/// <summary>The production jitter source for backoff waits.</summary>
internal static class Jitter
{
    /// <summary>A uniformly distributed number in [0, 1) from the shared generator.</summary>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Backoff jitter spreads retries; it protects nothing.")]
    public static double Shared() => Random.Shared.NextDouble();
}
