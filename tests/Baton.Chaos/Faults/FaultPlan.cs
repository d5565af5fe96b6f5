namespace Baton.Chaos.Faults;

/// <summary>One planned fault, at a time after the faults begin.</summary>
internal abstract record FaultEvent(TimeSpan At);

/// <summary><c>kill -9</c> of one replica.</summary>
internal sealed record KillReplica(TimeSpan At, int Replica) : FaultEvent(At);

/// <summary>Start a replica that was killed.</summary>
internal sealed record StartReplica(TimeSpan At, int Replica) : FaultEvent(At);

/// <summary>SIGTERM each replica in turn, starting it again before the next.</summary>
internal sealed record RollingRestart(TimeSpan At) : FaultEvent(At);

/// <summary>Stop the emulator and start it again on the same data directory.</summary>
internal sealed record RestartEmulator(TimeSpan At) : FaultEvent(At);

/// <summary>
/// The timeline of a chaos run, drawn from the profile's seed before the run starts: random kills
/// (never of the last replica standing, nor of one up for less than the profile's minimum uptime)
/// with their restarts, one rolling restart and one emulator restart.
/// </summary>
internal static class FaultPlan
{
    /// <summary>About how long one replica's SIGTERM stop and start take in a rolling restart.</summary>
    public static readonly TimeSpan RollingStepEstimate = TimeSpan.FromSeconds(3);

    public static IReadOnlyList<FaultEvent> Create(ChaosProfile profile)
    {
        var random = new Random(profile.Seed);
        var events = new List<FaultEvent>
        {
            new RollingRestart(profile.RollingRestartAt),
            new RestartEmulator(profile.EmulatorRestartAt),
        };
        // The faults begin once every replica polls, so each counts as up long enough to be killed.
        var downUntil = Enumerable.Repeat(-profile.MinUptime, profile.Replicas).ToArray();

        // Every replica is up when the rolling restart begins, and none is killed while it runs.
        var quietFrom = profile.RollingRestartAt - profile.KillPause.Max;
        var quietUntil = profile.RollingRestartAt + (profile.Replicas * RollingStepEstimate);
        var at = Uniform(random, profile.KillInterval);
        while (at < profile.FaultHorizon)
        {
            var up = Enumerable.Range(0, profile.Replicas).Where(r => downUntil[r] <= at).ToArray();
            var killable = up.Where(r => downUntil[r] + profile.MinUptime <= at).ToArray();
            if (up.Length > 1 && killable.Length > 0 && (at < quietFrom || at > quietUntil))
            {
                var replica = killable[random.Next(killable.Length)];
                var pause = Uniform(random, profile.KillPause);
                events.Add(new KillReplica(at, replica));
                events.Add(new StartReplica(at + pause, replica));
                downUntil[replica] = at + pause;
            }

            at += Uniform(random, profile.KillInterval);
        }

        return [.. events.OrderBy(e => e.At)];
    }

    private static TimeSpan Uniform(Random random, (TimeSpan Min, TimeSpan Max) range) =>
        range.Min + ((range.Max - range.Min) * random.NextDouble());
}
