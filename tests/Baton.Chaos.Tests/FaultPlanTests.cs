using Baton.Chaos.Faults;

namespace Baton.Chaos.Tests;

public sealed class FaultPlanTests
{
    [Fact]
    public void Create_SameSeed_SamePlan()
    {
        Assert.Equal(FaultPlan.Create(ChaosProfile.Ci(seed: 11)), FaultPlan.Create(ChaosProfile.Ci(seed: 11)));
        Assert.NotEqual(FaultPlan.Create(ChaosProfile.Ci(seed: 11)), FaultPlan.Create(ChaosProfile.Ci(seed: 12)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Create_AnySeed_NeverKillsTheLastReplicaStandingAndRestartsEveryKilledOne(int seed)
    {
        var profile = ChaosProfile.Full(seed);
        var down = new HashSet<int>();
        foreach (var fault in FaultPlan.Create(profile))
        {
            switch (fault)
            {
                case KillReplica kill:
                    Assert.True(down.Add(kill.Replica), $"replica {kill.Replica} killed while down");
                    Assert.True(down.Count < profile.Replicas, "the last replica standing was killed");
                    break;
                case StartReplica start:
                    Assert.True(down.Remove(start.Replica), $"replica {start.Replica} started while up");
                    break;
                case RollingRestart:
                    Assert.Empty(down);
                    break;
            }
        }

        Assert.Empty(down);
    }

    [Fact]
    public void Create_CiProfile_HoldsOneRollingRestartOneEmulatorRestartAndKills()
    {
        var plan = FaultPlan.Create(ChaosProfile.Ci());

        Assert.Single(plan.OfType<RollingRestart>());
        Assert.Single(plan.OfType<RestartEmulator>());
        Assert.True(plan.OfType<KillReplica>().Count() >= 3);
        Assert.Equal(plan.OrderBy(e => e.At), plan);
    }
}
