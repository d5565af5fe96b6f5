using System.Diagnostics;
using System.Globalization;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Running;
using Baton.LoadTest.Engine.Transport;

// bench/loadtest: Baton's load engine as the other tools are run — one process per round.
//   closed URL CONNECTIONS SECONDS [WARMUP_SECONDS]
//       closed model, one virtual user per connection, socket HTTP/1.1 (the event-loop path:
//       one loop thread per core); after an unmeasured warm-up (JIT) prints requests/s, counts,
//       latency and the process's CPU time over the measured run.
//   closed-tasks ...   the same on the task-per-user path (an explicit transport factory opts
//       out of the event loop), for comparison.
//   co URL RATE SECONDS PID PAUSE_AT PAUSE_FOR
//       open model at a constant RATE; PAUSE_AT seconds in, the process PID is stopped (SIGSTOP)
//       for PAUSE_FOR seconds, then continued (SIGCONT); prints corrected and uncorrected p99.
var invariant = CultureInfo.InvariantCulture;
if (args.Length >= 4 && args[0] is "closed" or "closed-tasks")
{
    var tasks = args[0] == "closed-tasks";
    var url = new Uri(args[1]);
    var connections = int.Parse(args[2], invariant);
    var seconds = double.Parse(args[3], invariant);
    var warmup = args.Length > 4 ? double.Parse(args[4], invariant) : 2;
    if (warmup > 0)
    {
        await RunClosedAsync(url, connections, warmup, tasks);
    }

    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var result = await RunClosedAsync(url, connections, seconds, tasks);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var counters = result.Summary.Counters;
    Console.WriteLine(string.Create(invariant, $"rps={counters.Responses / result.Summary.SendDuration.TotalSeconds:F0} responses={counters.Responses} transport_errors={counters.TransportErrors} failed_responses={counters.FailedResponses} p50_ms={result.Summary.Latency.P50.TotalMilliseconds:F2} p99_ms={result.Summary.Latency.P99.TotalMilliseconds:F2} cpu_s={cpu.TotalSeconds:F3}"));
    return 0;
}

if (args.Length == 7 && args[0] == "co")
{
    var url = new Uri(args[1]);
    var rate = double.Parse(args[2], invariant);
    var seconds = double.Parse(args[3], invariant);
    var pid = int.Parse(args[4], invariant);
    var pauseAt = TimeSpan.FromSeconds(double.Parse(args[5], invariant));
    var pauseFor = TimeSpan.FromSeconds(double.Parse(args[6], invariant));
    var plan = new LoadTestPlan
    {
        Request = LoadTestRequest.For(url),
        Model = OpenLoadModel.Constant(rate, TimeSpan.FromSeconds(seconds)),
        Transport = TransportKind.Socket,
    };
    var pausing = PauseAsync(pid, pauseAt, pauseFor);
    var result = await new LoadTestRunner().RunAsync(plan);
    await pausing;
    var s = result.Summary;
    Console.WriteLine(string.Create(invariant, $"corrected_p99_ms={s.Latency.P99.TotalMilliseconds:F1} uncorrected_p99_ms={s.UncorrectedLatency.P99.TotalMilliseconds:F1} corrected_max_ms={s.Latency.Max.TotalMilliseconds:F1} uncorrected_max_ms={s.UncorrectedLatency.Max.TotalMilliseconds:F1} corrected_p50_ms={s.Latency.P50.TotalMilliseconds:F2} achieved_rps={s.AchievedRate:F0} completed={s.Counters.Completed} errors={s.Counters.Errors} missed={s.Counters.Missed}"));
    foreach (var warning in result.Warnings)
    {
        Console.WriteLine($"warning: {warning}");
    }

    return 0;
}

await Console.Error.WriteLineAsync("usage: Baton.Bench.LoadTest closed|closed-tasks URL CONNECTIONS SECONDS [WARMUP_SECONDS] | co URL RATE SECONDS PID PAUSE_AT PAUSE_FOR");
return 2;

static Task<LoadTestResult> RunClosedAsync(Uri url, int connections, double seconds, bool tasks) =>
    (tasks ? new LoadTestRunner(null, LoadTransports.Create) : new LoadTestRunner()).RunAsync(new LoadTestPlan
    {
        Request = LoadTestRequest.For(url),
        Model = new ClosedLoadModel(connections, TimeSpan.FromSeconds(seconds)),
        Connections = connections,
        Transport = TransportKind.Socket,
    });

static async Task PauseAsync(int pid, TimeSpan at, TimeSpan length)
{
    await Task.Delay(at);
    await SignalAsync("-STOP", pid);
    var paused = Stopwatch.StartNew();
    await Task.Delay(length);
    await SignalAsync("-CONT", pid);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paused_s={paused.Elapsed.TotalSeconds:F3}"));
}

static async Task SignalAsync(string signal, int pid)
{
    using var kill = Process.Start("kill", [signal, pid.ToString(CultureInfo.InvariantCulture)]);
    await kill.WaitForExitAsync();
}
