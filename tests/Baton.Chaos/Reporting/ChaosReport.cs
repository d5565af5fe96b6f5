using System.Globalization;
using System.Text;
using Baton.Chaos.Backend;

namespace Baton.Chaos.Reporting;

/// <summary>The outcome of one chaos run and the checks it must pass.</summary>
internal sealed record ChaosReport
{
    public required ChaosProfile Profile { get; init; }

    public required TimeSpan Duration { get; init; }

    public required IReadOnlyDictionary<string, string> ExecutionStatuses { get; init; }

    public required LedgerSummary Backend { get; init; }

    public required EmulatorCounters Emulator { get; init; }

    public required int Kills { get; init; }

    public required int GracefulStops { get; init; }

    public required int UngracefulStops { get; init; }

    public required int RollingRestarts { get; init; }

    public required int EmulatorRestarts { get; init; }

    public required string Journal { get; init; }

    /// <summary>Every check that failed, in words; empty when the run passed.</summary>
    public IReadOnlyList<string> Failures => [.. Check()];

    public bool Passed => Failures.Count == 0;

    public int Succeeded => ExecutionStatuses.Values.Count(s => s == "Succeeded");

    public string Render()
    {
        var text = new StringBuilder();
        var p = Profile;
        Line(text, $"Baton chaos report — profile {p.Name}, seed {p.Seed}, journal {Journal}");
        Line(text, $"  setup            : {p.Pipelines} pipelines × (start + {p.Steps} steps, checkAfter {Seconds(p.CheckAfter)}), {p.Replicas} agent replicas, job timeout {Seconds(p.JobTimeout)}");
        Line(text, $"  duration         : {Seconds(Duration)}");
        Line(text, $"  executions       : {ExecutionStatuses.Count} started, {Succeeded} Succeeded{Others()}");
        Line(text, $"  jobs             : {string.Join(", ", Emulator.JobsByStatus.OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => $"{j.Value} {j.Key}"))}");
        Line(text, $"  backend starts   : {Backend.Runs} runs, {Backend.DuplicateStarts} duplicate starts deduplicated by idempotency key");
        Line(text, $"  steps            : {Backend.StepsRun} run, {Backend.RepeatedSteps} re-run (same key and step seen again), {Backend.DuplicateStarts + Backend.RepeatedSteps} re-run in all with starts");
        Line(text, $"  step delay beyond checkAfter: median {Millis(Backend.MedianStepDelay)}, p95 {Millis(Backend.P95StepDelay)}, max {Millis(Backend.MaxStepDelay)}");
        Line(text, $"  replica faults   : {Kills} kill -9, {RollingRestarts} rolling restart(s) with {GracefulStops} graceful SIGTERM stops ({UngracefulStops} not graceful)");
        Line(text, $"  emulator         : {EmulatorRestarts} restart(s), {Emulator.Calls} CodePipeline calls, injected: {string.Join(", ", Emulator.ErrorsByCode.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Value} {e.Key}"))}");
        Line(text, Passed ? "  result           : PASSED" : "  result           : FAILED");
        foreach (var failure in Failures)
        {
            Line(text, "    - " + failure);
        }

        return text.ToString();
    }

    private IEnumerable<string> Check()
    {
        var p = Profile;
        if (Succeeded != p.Pipelines)
        {
            yield return $"{p.Pipelines - Succeeded} of {p.Pipelines} executions did not succeed:{Others()}.";
        }

        if (Emulator.JobsByStatus.GetValueOrDefault("TimedOut") is var timedOut and > 0)
        {
            yield return $"{timedOut} job(s) timed out.";
        }

        if (Emulator.JobsByStatus.GetValueOrDefault("Failed") is var failed and > 0)
        {
            yield return $"{failed} job(s) failed.";
        }

        if (Backend.Runs != p.Pipelines)
        {
            yield return $"The backend saw {Backend.Runs} runs for {p.Pipelines} action executions; each action execution must start exactly one.";
        }

        if (Backend.PipelineExecutionsWithSeveralKeys > 0)
        {
            yield return $"{Backend.PipelineExecutionsWithSeveralKeys} pipeline execution(s) started the backend under more than one idempotency key.";
        }

        if (Backend.IncompleteRuns > 0)
        {
            yield return $"{Backend.IncompleteRuns} run(s) did not see all {p.Steps} steps.";
        }

        if (Backend.StepsWithoutRun > 0)
        {
            yield return $"{Backend.StepsWithoutRun} step(s) arrived for a key that was never started.";
        }

        if (Kills == 0 || RollingRestarts == 0 || EmulatorRestarts == 0)
        {
            yield return $"Not every fault was applied (kills {Kills}, rolling restarts {RollingRestarts}, emulator restarts {EmulatorRestarts}); the executions ended before the plan did.";
        }
    }

    private string Others()
    {
        var others = ExecutionStatuses.Where(s => s.Value != "Succeeded").GroupBy(s => s.Value, StringComparer.Ordinal)
            .Select(g => $" {g.Count()} {g.Key} ({string.Join(", ", g.Select(s => s.Key).Order(StringComparer.Ordinal).Take(5))})");
        return string.Concat(others);
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private static string Millis(TimeSpan value) => value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
