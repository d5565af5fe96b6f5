using Baton.LoadTest.Engine.Plan;

namespace Baton.LoadTest.Engine.Running;

/// <summary>
/// Runs the closed model: each virtual user starts at its slot of the ramp-up, then loops
/// send → wait for the answer → think, until the run's duration is over. A request's intended
/// time is the moment its user was ready to send, so the corrected and uncorrected latencies
/// differ only by any wait for a free connection.
/// </summary>
internal sealed class ClosedModelDriver(RunState state, ClosedLoadModel model)
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var end = state.Start + state.SecondsToTicks(model.RunFor.TotalSeconds);
        var users = new Task[model.VirtualUsers];
        for (var user = 0; user < users.Length; user++)
        {
            var startAt = state.Start + state.SecondsToTicks(model.RampUp.TotalSeconds * user / model.VirtualUsers);
            users[user] = RunUserAsync(startAt, end, cancellationToken);
        }

        return Task.WhenAll(users);
    }

    private async Task RunUserAsync(long startAt, long end, CancellationToken cancellationToken)
    {
        var clock = state.Clock;
        await clock.WaitUntilAsync(startAt, cancellationToken).ConfigureAwait(false);
        while (clock.Now < end)
        {
            await state.SendAsync(clock.Now, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (model.ThinkTime > TimeSpan.Zero)
            {
                await Task.Delay(model.ThinkTime, clock.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
