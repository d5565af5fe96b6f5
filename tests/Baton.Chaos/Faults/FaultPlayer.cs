using Baton.Chaos.Processes;

namespace Baton.Chaos.Faults;

/// <summary>
/// Plays a <see cref="FaultPlan"/> against the running processes on two tracks: the replica
/// events one after the other (one that comes due during a rolling restart is played late), and the
/// emulator restart on its own. Stops when cancelled, except that a rolling restart or an emulator
/// restart that has begun is played to its end (a half-played one would count as not applied);
/// replicas it killed are started again at the end so the run can finish.
/// </summary>
internal sealed class FaultPlayer(
    IReadOnlyList<AgentReplica> replicas,
    EmulatorProcess emulator,
    Func<int, CancellationToken, Task> onEmulatorRestarted,
    Func<CancellationToken, Task> beforeEmulatorRestart,
    TimeSpan emulatorDowntime,
    TimeProvider time,
    TextWriter log)
{
    private DateTimeOffset _start;

    private static readonly TimeSpan _stopGrace = TimeSpan.FromSeconds(20);

    // A rolling restart stops the next replica once the restarted one polls again (or after this).
    private static readonly TimeSpan _readyTimeout = TimeSpan.FromSeconds(30);

    public int Kills { get; private set; }

    public int RollingRestarts { get; private set; }

    public int EmulatorRestarts { get; private set; }

    /// <summary>Plays the plan.</summary>
    /// <param name="plan">The fault events, in time order.</param>
    /// <param name="cancellationToken">No further faults begin once cancelled (the executions are done).</param>
    /// <param name="abort">Stops a rolling restart or an emulator restart that has begun (the run gives up).</param>
    public async Task PlayAsync(IReadOnlyList<FaultEvent> plan, CancellationToken cancellationToken, CancellationToken abort)
    {
        _start = time.GetUtcNow();
        await Task.WhenAll(
            PlayTrackAsync([.. plan.Where(e => e is not RestartEmulator)], cancellationToken, abort),
            PlayTrackAsync([.. plan.Where(e => e is RestartEmulator)], cancellationToken, abort));
        foreach (var replica in replicas.Where(r => !r.IsRunning))
        {
            replica.Start();
        }
    }

    private async Task PlayTrackAsync(IReadOnlyList<FaultEvent> track, CancellationToken cancellationToken, CancellationToken abort)
    {
        // An event played late (after a slow restart) keeps its gap to the one before, so a killed
        // replica still stays down for its planned pause.
        var previousAt = TimeSpan.Zero;
        var previousDone = _start;
        try
        {
            foreach (var fault in track)
            {
                var due = Max(_start + fault.At, previousDone + (fault.At - previousAt));
                var wait = due - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                await ApplyAsync(fault, fault is RollingRestart or RestartEmulator ? abort : cancellationToken);
                previousAt = fault.At;
                previousDone = time.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The executions are done (or the run gave up): no more faults.
        }
    }

    private async Task ApplyAsync(FaultEvent fault, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case KillReplica kill when replicas[kill.Replica].IsRunning:
                await replicas[kill.Replica].KillAsync();
                Kills++;
                Write($"kill -9 {replicas[kill.Replica].Name}");
                break;
            case StartReplica startReplica when !replicas[startReplica.Replica].IsRunning:
                replicas[startReplica.Replica].Start();
                Write($"start {replicas[startReplica.Replica].Name}");
                break;
            case RollingRestart:
                Write("rolling SIGTERM restart begins");
                foreach (var replica in replicas.Where(r => !r.IsRunning))
                {
                    replica.Start();
                }

                // A SIGTERM while a replica is still starting is not a drain; let each come up first.
                await Task.WhenAll(replicas.Select(r => r.WaitReadyAsync(_readyTimeout, time, cancellationToken)));
                foreach (var replica in replicas)
                {
                    await replica.StopGracefullyAsync(_stopGrace);
                    replica.Start();
                    var ready = await replica.WaitReadyAsync(_readyTimeout, time, cancellationToken);
                    Write($"  {replica.Name} stopped (SIGTERM) and started{(ready ? ", polling again" : $", not polling after {_readyTimeout.TotalSeconds} s")}");
                }

                RollingRestarts++;
                break;
            case RestartEmulator:
                Write("emulator restart (SIGTERM, same --data-dir)");
                await beforeEmulatorRestart(cancellationToken);
                var how = await emulator.RestartAsync(emulatorDowntime, cancellationToken);
                EmulatorRestarts++;
                Write($"emulator up again: {how}");
                await onEmulatorRestarted(EmulatorRestarts, cancellationToken);
                break;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Write(string what) => log.WriteLine($"  [{(time.GetUtcNow() - _start).TotalSeconds,6:0.0}s] {what}");
}
