using System.Runtime.InteropServices;
using Baton.Bench.Agent;

// bench/agent: one executable, two roles. "agent" runs a Baton agent with the no-op benchmark
// handler; "drive" sets up the emulator, starts agent processes of this same executable and
// measures. The emulator always runs in a process of its own (started by bench/agent/run.sh).
// A stopped driver takes its agent processes with it.
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => AgentLauncher.KillAll());
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => AgentLauncher.KillAll());
try
{
    return args.Length == 0 ? Usage() : args[0] switch
    {
        "agent" => await AgentProcess.RunAsync(BenchArguments.Parse(args[1..])),
        "drive" => await Driver.RunAsync(BenchArguments.Parse(args[1..])),
        _ => Usage(),
    };
}
catch (BenchException ex)
{
    await Console.Error.WriteLineAsync($"bench/agent: {ex.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Baton.Bench.Agent agent --endpoint URL --types N --concurrency N --state DIR --stats FILE
               Baton.Bench.Agent drive --endpoint URL [--executions 1000] [--concurrency 1000]
                   [--continuing 10000] [--steps 10] [--check-after 1s] [--idle 60s]
                   [--emulator-capacity REQ_PER_S] [--phase-timeout 600s] [--results FILE]
        """);
    return 2;
}
