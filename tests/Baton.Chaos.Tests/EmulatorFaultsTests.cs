using Baton.Chaos.Faults;

namespace Baton.Chaos.Tests;

public sealed class EmulatorFaultsTests
{
    [Fact]
    public void Rules_FirstMatchWins_OverallRatesAreTheStatedShares()
    {
        var rules = EmulatorFaults.Rules(ChaosProfile.Ci(), seed: 3);

        // The chance that rule i fires is its probability times the chance no earlier rule fired.
        var notYet = 1.0;
        var overall = new Dictionary<string, double>();
        foreach (var rule in rules)
        {
            overall[rule.Fault] = notYet * rule.Probability;
            notYet *= 1 - rule.Probability;
        }

        Assert.Equal(0.20, overall["throttling"], 6);
        Assert.Equal(0.05, overall["http500"], 6);
        Assert.Equal(0.02, overall["drop"], 6);
        Assert.Equal(ChaosProfile.Ci().LatencyProbability, overall["latency"], 6);
        Assert.Equal(3, rules[0].Seed);
        Assert.All(rules.Skip(1), r => Assert.Null(r.Seed));
    }
}
