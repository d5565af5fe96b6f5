using Baton.Agent.Polling;

namespace Baton.Agent.Tests.Fakes;

/// <summary>Jitter from a script: the given numbers in order, then the last one forever (1 when none is given).</summary>
internal sealed class SequenceJitter(params double[] values) : IJitterSource
{
    private int _next;

    public double Next()
    {
        lock (values)
        {
            return values.Length == 0 ? 1 : values[Math.Min(_next++, values.Length - 1)];
        }
    }
}
