using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Baton.Bench.Agent;

/// <summary>
/// The drive role: against an emulator already running on <c>--endpoint</c> (with <c>--auth none</c>)
/// it runs the three agent scenarios, each with a fresh agent process, and writes a markdown table:
/// (a) saturation — a backlog of PARALLEL executions drained by one agent; (c) idle — the same
/// agent's calls with no work; (b) many jobs continuing at once, each step paced by checkAfter.
/// </summary>
internal static class Driver
{
    private const int MaxSlotsPerType = 1000;

    public static async Task<int> RunAsync(BenchArguments args)
    {
        var endpoint = new Uri(args.String("endpoint").TrimEnd('/') + "/");
        var settings = new DriverSettings(
            args.Int32("executions", 1000),
            args.Int32("concurrency", MaxSlotsPerType),
            args.Int32("continuing", 10_000),
            args.Int32("steps", 10),
            args.Duration("check-after", TimeSpan.FromSeconds(1)),
            args.Duration("idle", TimeSpan.FromSeconds(60)),
            args.Duration("phase-timeout", TimeSpan.FromMinutes(10)),
            args.Double("emulator-capacity", 0),
            args.Int32("emulator-pid", int.MaxValue));
        var results = args.String("results", "agent-results.md");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var setup = new BenchSetup(endpoint, http);
        var continuingTypes = (settings.Continuing + MaxSlotsPerType - 1) / MaxSlotsPerType;

        Console.WriteLine("== setting up the emulator: source object, action types, pipelines");
        await setup.PutSourceObjectAsync();
        await setup.CreateActionTypesAsync(Math.Max(1, continuingTypes));

        var report = new StringBuilder();
        var saturation = await SaturationAndIdleAsync(setup, http, endpoint, settings, report);
        await ContinuingAsync(setup, http, endpoint, settings, continuingTypes, report);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Emulator no-op capacity (wrk, PollForJobs on an empty queue, same run): **{settings.EmulatorCapacity:N0} req/s**; "
            + $"agent-driven calls/s at saturation ÷ capacity = **{(settings.EmulatorCapacity > 0 ? saturation / settings.EmulatorCapacity : double.NaN):F2}**.");
        await File.WriteAllTextAsync(results, report.ToString());
        Console.WriteLine();
        Console.WriteLine(report);
        return 0;
    }

    /// <returns>The agent-driven CodePipeline calls per second while draining the backlog.</returns>
    private static async Task<double> SaturationAndIdleAsync(BenchSetup setup, HttpClient http, Uri endpoint, DriverSettings settings, StringBuilder report)
    {
        var n = settings.Executions;
        await setup.CreatePipelineAsync("bench-saturation", 0, steps: 1, TimeSpan.Zero);
        Console.WriteLine($"== (a) starting {n} PARALLEL executions, then one agent ({settings.Concurrency} slots) drains them");
        var queuedBefore = (await EmulatorMetrics.ReadAsync(http, endpoint)).JobsIn("Queued");
        using (var cts = new CancellationTokenSource(settings.PhaseTimeout))
        {
            await setup.StartExecutionsAsync("bench-saturation", n, cts.Token);
        }

        await WaitAsync(http, endpoint, settings.PhaseTimeout, m => m.JobsIn("Queued") - queuedBefore >= n, $"{n} queued jobs");

        var before = await EmulatorMetrics.ReadAsync(http, endpoint);
        await using var agent = AgentLauncher.Start(endpoint, types: 1, settings.Concurrency);
        var clock = Stopwatch.StartNew();
        TimeSpan? first = null;
        EmulatorMetrics now;
        var cpuAtFirst = (Agent: 0.0, Emulator: 0.0);
        while (true)
        {
            now = await EmulatorMetrics.ReadAsync(http, endpoint);
            var reported = now.CallsOf("PutJobSuccessResult") - before.CallsOf("PutJobSuccessResult") + now.CallsOf("PutJobFailureResult") - before.CallsOf("PutJobFailureResult");
            if (first is null && reported > 0)
            {
                first = clock.Elapsed;
                cpuAtFirst = (ProcessCpu.Seconds(agent.ProcessId), ProcessCpu.Seconds(settings.EmulatorPid));
            }

            if (reported >= n)
            {
                break;
            }

            Fail(clock.Elapsed > settings.PhaseTimeout, $"(a) only {reported} of {n} jobs reported after {settings.PhaseTimeout}.");
            await Task.Delay(50);
        }

        var drain = clock.Elapsed - first!.Value;
        var agentCpu = ProcessCpu.Seconds(agent.ProcessId) - cpuAtFirst.Agent;
        var emulatorCpu = ProcessCpu.Seconds(settings.EmulatorPid) - cpuAtFirst.Emulator;
        var calls = now.AgentCallsSince(before);
        var total = calls.Values.Sum();
        var failures = calls["PutJobFailureResult"];
        var jobsPerSecond = n / drain.TotalSeconds;
        var callsPerSecond = total / drain.TotalSeconds;
        Console.WriteLine($"   {n} jobs in {drain.TotalSeconds:F2} s after the first report: {jobsPerSecond:N0} jobs/s, {(double)total / n:F2} calls per job step");

        Console.WriteLine($"== (c) idle: the same agent with no work for {settings.Idle.TotalSeconds:F0} s");
        var idleBefore = await EmulatorMetrics.ReadAsync(http, endpoint);
        await Task.Delay(settings.Idle);
        var idleCalls = (await EmulatorMetrics.ReadAsync(http, endpoint)).AgentCallsSince(idleBefore);
        var idlePerMinute = idleCalls.Values.Sum() / settings.Idle.TotalMinutes;

        report.AppendLine("| scenario | measure | value |");
        report.AppendLine("|---|---|---|");
        Row(report, $"(a) saturation: {n:N0} PARALLEL executions, 1 step each, {settings.Concurrency} slots", "jobs/s completed (first to last report)", $"**{jobsPerSecond:N0}** ({n:N0} in {drain.TotalSeconds:F2} s{(failures > 0 ? $", {failures} failed" : string.Empty)})");
        Row(report, string.Empty, "CodePipeline calls per job step (target ≤ 2.2)", $"**{(double)total / n:F2}** — {Describe(calls, n)}");
        Row(report, string.Empty, "agent-driven calls/s", $"{callsPerSecond:N0}");
        Row(report, string.Empty, "CPU per job step: agent / emulator (from the first report on)", $"{agentCpu * 1e6 / n:N0} µs / {emulatorCpu * 1e6 / n:N0} µs");
        Row(report, $"(c) idle, 1 action type, {settings.Idle.TotalSeconds:F0} s right after (a) (includes the idle back-off ramp from 1 s to 30 s)", "CodePipeline calls per minute", $"**{idlePerMinute:F1}** ({Describe(idleCalls, null)})");
        return callsPerSecond;
    }

    private static async Task ContinuingAsync(BenchSetup setup, HttpClient http, Uri endpoint, DriverSettings settings, int types, StringBuilder report)
    {
        var m = settings.Continuing;
        var perType = (m + types - 1) / types;
        var expectedReports = (long)m * settings.Steps;
        Console.WriteLine($"== (b) {m} executions continuing at once: {settings.Steps} steps, checkAfter {settings.CheckAfter.TotalSeconds:F1} s, {types} action type(s) x {perType} slots");
        for (var i = 0; i < types; i++)
        {
            await setup.CreatePipelineAsync($"bench-continuing-{i}", i, settings.Steps, settings.CheckAfter);
        }

        var before = await EmulatorMetrics.ReadAsync(http, endpoint);
        await using var agent = AgentLauncher.Start(endpoint, types, perType);
        var clock = Stopwatch.StartNew();
        var emulatorCpuBefore = ProcessCpu.Seconds(settings.EmulatorPid);
        using (var cts = new CancellationTokenSource(settings.PhaseTimeout))
        {
            await Task.WhenAll(Enumerable.Range(0, types).Select(i =>
                setup.StartExecutionsAsync($"bench-continuing-{i}", Math.Min(perType, m - (i * perType)), cts.Token)));
        }

        var started = clock.Elapsed;
        double peakSample = 0;
        EmulatorMetrics now;
        var finished = false;
        while (true)
        {
            peakSample = Math.Max(peakSample, agent.ReadMemory().Current);
            now = await EmulatorMetrics.ReadAsync(http, endpoint);
            var reported = now.CallsOf("PutJobSuccessResult") - before.CallsOf("PutJobSuccessResult") + now.CallsOf("PutJobFailureResult") - before.CallsOf("PutJobFailureResult");
            if (reported >= expectedReports)
            {
                finished = true;
                break;
            }

            if (clock.Elapsed > settings.PhaseTimeout)
            {
                Console.WriteLine($"   (b) stopped at the phase timeout: {reported} of {expectedReports} step reports");
                break;
            }

            await Task.Delay(250);
        }

        var elapsed = clock.Elapsed;
        var agentCpu = ProcessCpu.Seconds(agent.ProcessId);
        var emulatorCpu = ProcessCpu.Seconds(settings.EmulatorPid) - emulatorCpuBefore;
        await Task.Delay(600); // the agent writes its statistics every 250 ms
        var stats = agent.ReadStats();
        var memory = agent.ReadMemory();
        var calls = now.AgentCallsSince(before);
        var steps = calls["PutJobSuccessResult"] + calls["PutJobFailureResult"];
        var ideal = settings.CheckAfter * (settings.Steps - 1);
        Console.WriteLine($"   {steps} steps in {elapsed.TotalSeconds:F1} s; delay beyond notBefore p50 {stats.P50:F1} ms, p99 {stats.P99:F1} ms; RSS peak {memory.Peak:F0} MiB, end {memory.Current:F0} MiB");

        var label = $"(b) {m:N0} executions continuing at once, {settings.Steps} steps, checkAfter {settings.CheckAfter.TotalSeconds:F1} s ({types} action type(s) × {perType} slots)";
        Row(report, label, "completed", finished
            ? $"all {m:N0} in {elapsed.TotalSeconds:F1} s (starting them took {started.TotalSeconds:F1} s; ideal ≈ {ideal.TotalSeconds:F0} s + start)"
            : $"**not finished** within {settings.PhaseTimeout.TotalSeconds:F0} s: {steps:N0} of {expectedReports:N0} step reports");
        Row(report, string.Empty, "delay of a step beyond its notBefore, p50 / p99 / max", $"**{stats.P50:F1} ms / {stats.P99:F1} ms** / {stats.Max:F1} ms ({stats.Continuations:N0} continuations)");
        Row(report, string.Empty, "agent working set (VmRSS): peak (VmHWM) / at end", $"**{memory.Peak:F0} MiB / {memory.Current:F0} MiB**");
        Row(report, string.Empty, "steps/s; CodePipeline calls per job step", $"{steps / elapsed.TotalSeconds:N0}; {(steps > 0 ? (double)calls.Values.Sum() / steps : 0):F2} — {Describe(calls, steps)}");
        Row(report, string.Empty, "CPU per job step: agent (whole process life) / emulator (incl. the StartPipelineExecution calls)", steps > 0 ? $"{agentCpu * 1e6 / steps:N0} µs / {emulatorCpu * 1e6 / steps:N0} µs" : "n/a");
        var errors = now.AgentErrorsSince(before);
        if (errors > 0)
        {
            Row(report, string.Empty, "error answers to the agent", errors.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static async Task WaitAsync(HttpClient http, Uri endpoint, TimeSpan timeout, Func<EmulatorMetrics, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(await EmulatorMetrics.ReadAsync(http, endpoint)))
        {
            Fail(clock.Elapsed > timeout, $"waited {timeout} for {what}.");
            await Task.Delay(100);
        }
    }

    private static string Describe(Dictionary<string, long> calls, long? steps) => string.Join(", ", calls
        .Where(c => c.Value > 0)
        .Select(c => steps is > 0 ? $"{c.Key} {(double)c.Value / steps.Value:F2}" : $"{c.Key} {c.Value}"));

    private static void Row(StringBuilder report, string scenario, string measure, string value) =>
        report.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {measure} | {value} |");

    private static void Fail(bool condition, string message)
    {
        if (condition)
        {
            throw new BenchException(message);
        }
    }

    private sealed record DriverSettings(
        int Executions,
        int Concurrency,
        int Continuing,
        int Steps,
        TimeSpan CheckAfter,
        TimeSpan Idle,
        TimeSpan PhaseTimeout,
        double EmulatorCapacity,
        int EmulatorPid);
}
