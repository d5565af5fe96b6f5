using Baton.LoadTest.Engine.Scheduling;

namespace Baton.LoadTest.Engine.Tests.Scheduling;

public sealed class TargetSelectorTests
{
    [Fact]
    public void Next_Weights_SendsExactSharesInterleaved()
    {
        var selector = new TargetSelector([3, 1]);

        var picks = Enumerable.Range(0, 8).Select(_ => selector.Next()).ToArray();

        Assert.Equal([0, 0, 1, 0, 0, 0, 1, 0], picks);
    }

    [Fact]
    public void Next_ManyTargets_MatchesWeightsOverAFullCycle()
    {
        var selector = new TargetSelector([5, 2, 3]);

        var counts = Enumerable.Range(0, 1_000).Select(_ => selector.Next()).GroupBy(i => i).OrderBy(g => g.Key).Select(g => g.Count());

        Assert.Equal([500, 200, 300], counts);
    }
}
