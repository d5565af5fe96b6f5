using System.Globalization;
using System.Threading.Channels;
using Baton.Agent.Handlers;
using Baton.Cli.Infrastructure;

namespace Baton.Cli.Commands.Demo;

/// <summary>One step the demo's agent ran: one job of the load-test action execution and what the handler decided.</summary>
/// <param name="Step">The step number (1 for the first job).</param>
/// <param name="JobId">The job's id.</param>
/// <param name="Result">The handler's decision, or null when it threw.</param>
/// <param name="Error">The exception's message when the handler threw.</param>
internal sealed record DemoStep(int Step, string JobId, StepResult? Result, string? Error = null)
{
    /// <summary>The line the demo prints, e.g. <c>agent step 3 (job 1f2e…): Continue 40% - 20.0 req/s …; next check in 4s</c>.</summary>
    public override string ToString()
    {
        var head = $"agent step {Step.ToString(CultureInfo.InvariantCulture)} (job {Short(JobId)}): ";
        return Result switch
        {
            StepResult.Continuing c => head + $"Continue {c.PercentComplete ?? 0}%"
                + (string.IsNullOrEmpty(c.Summary) ? string.Empty : " - " + c.Summary)
                + (c.CheckAfter is { } after ? $"; next check in {DurationText.Format(after)}" : string.Empty),
            StepResult.Succeeded s => head + "Succeed" + (string.IsNullOrEmpty(s.Summary) ? string.Empty : " - " + s.Summary),
            StepResult.Failed f => head + $"Fail {f.FailureType} - {f.Message}",
            _ => head + $"error - {Error ?? "the step was handed back"}",
        };
    }

    private static string Short(string jobId) => jobId.Length > 8 ? jobId[..8] + "…" : jobId;
}

/// <summary>The steps the demo's agent ran, in order, for the watch loop to print.</summary>
internal sealed class DemoStepLog
{
    private readonly Channel<DemoStep> _steps = Channel.CreateUnbounded<DemoStep>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Records a step.</summary>
    /// <param name="step">The step.</param>
    public void Add(DemoStep step) => _steps.Writer.TryWrite(step);

    /// <summary>Takes every step recorded since the last call.</summary>
    public IReadOnlyList<DemoStep> Drain()
    {
        var steps = new List<DemoStep>();
        while (_steps.Reader.TryRead(out var step))
        {
            steps.Add(step);
        }

        return steps;
    }
}
