using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Scheduling;

namespace Baton.LoadTest.Engine.Tests.Scheduling;

public sealed class ArrivalScheduleTests
{
    [Fact]
    public void OffsetOf_ConstantRate_SpacesSendsEvenlyFromTheStart()
    {
        var schedule = new ArrivalSchedule(OpenLoadModel.Constant(500, TimeSpan.FromSeconds(10)));

        Assert.Equal(5_000, schedule.TotalCount);
        Assert.Equal(0, schedule.OffsetOf(0));
        Assert.Equal(0.002, schedule.OffsetOf(1), 12);
        Assert.Equal(9.998, schedule.OffsetOf(4_999), 9);
    }

    [Fact]
    public void OffsetOf_LinearRamp_FollowsTheIntegralOfTheRate()
    {
        // 0 → 100/s over 10 s (500 sends), then 100/s for 5 s (500 more).
        var schedule = new ArrivalSchedule(OpenLoadModel.Ramping(0, new RateStage(TimeSpan.FromSeconds(10), 100), new RateStage(TimeSpan.FromSeconds(5), 100)));

        Assert.Equal(1_000, schedule.TotalCount);
        Assert.Equal(Math.Sqrt(2 * 125 / 10.0), schedule.OffsetOf(125), 9); // 10 t²/2 = 125 → t = 5
        Assert.Equal(10, schedule.OffsetOf(500), 9);
        Assert.Equal(12.5, schedule.OffsetOf(750), 9);
        Assert.Equal(125, schedule.ArrivalsBy(5), 9);
    }

    [Fact]
    public void OffsetOf_RampDown_IsMonotonicAndEndsInTime()
    {
        var schedule = new ArrivalSchedule(OpenLoadModel.Ramping(200, new RateStage(TimeSpan.FromSeconds(3), 20)));

        var offsets = Enumerable.Range(0, (int)schedule.TotalCount).Select(i => schedule.OffsetOf(i)).ToArray();

        Assert.Equal(330, schedule.TotalCount);
        Assert.True(offsets.Zip(offsets.Skip(1)).All(p => p.First < p.Second));
        Assert.True(offsets[^1] < 3);
    }
}
