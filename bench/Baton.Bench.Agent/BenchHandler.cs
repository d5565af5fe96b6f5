using System.Globalization;
using Baton.Agent.Handlers;

namespace Baton.Bench.Agent;

/// <summary>
/// The benchmark's no-op action: does nothing but continue <c>Steps</c> times, <c>CheckAfter</c>
/// apart, then succeed. Its state carries the step number and the instant the next step was meant
/// to start (the moment the step returned plus <c>CheckAfter</c>, as Baton's <c>notBefore</c>), so
/// each continuation measures how late it actually ran.
/// </summary>
/// <param name="stats">Where the measurements go.</param>
/// <param name="time">The clock.</param>
internal sealed class BenchHandler(StepStats stats, TimeProvider time) : IJobHandler
{
    public ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken)
    {
        stats.CountStart();
        return ValueTask.FromResult(Next(job, 1));
    }

    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken)
    {
        var separator = state.IndexOf(';', StringComparison.Ordinal);
        var step = int.Parse(state.AsSpan(0, separator), CultureInfo.InvariantCulture);
        var intended = long.Parse(state.AsSpan(separator + 1), CultureInfo.InvariantCulture);
        stats.RecordDelay(TimeSpan.FromTicks(time.GetUtcNow().UtcTicks - intended));
        return ValueTask.FromResult(Next(job, step + 1));
    }

    private StepResult Next(JobContext job, int step)
    {
        var steps = job.Configuration.GetInt32("Steps", 1);
        if (step >= steps)
        {
            stats.CountFinish();
            return StepResult.Succeed("bench: done");
        }

        var checkAfter = job.Configuration.GetTimeSpan("CheckAfter", TimeSpan.FromSeconds(1));
        var intended = time.GetUtcNow().UtcTicks + checkAfter.Ticks;
        return StepResult.Continue(
            string.Create(CultureInfo.InvariantCulture, $"{step};{intended}"),
            100 * step / steps,
            checkAfter: checkAfter);
    }
}
