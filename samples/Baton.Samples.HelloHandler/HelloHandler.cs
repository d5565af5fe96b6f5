using System.Globalization;
using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;

namespace Baton.Samples.HelloHandler;

/// <summary>
/// The smallest useful Baton handler. Its "work" is a number of units (the action's <c>Steps</c>
/// property); every job does one unit and reports progress, the last one succeeds with a greeting.
/// A real handler starts work in a backend in <see cref="StartAsync"/> and asks the backend how
/// the work is going in <see cref="ContinueAsync"/>.
/// </summary>
/// <param name="timeProvider">The clock, injected so tests can control it.</param>
public sealed class HelloHandler(TimeProvider timeProvider) : IJobHandler
{
    /// <summary>How long CodePipeline should wait before the next step.</summary>
    private static readonly TimeSpan _checkAfter = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);

        // A missing or malformed property throws JobConfigurationException, which Baton
        // reports as a ConfigurationError naming the property.
        var steps = job.Configuration.GetInt32("Steps", defaultValue: 3);
        if (steps is < 1 or > 100)
        {
            return ValueTask.FromResult(StepResult.Fail(
                FailureType.ConfigurationError,
                $"The action configuration property 'Steps' must be 1–100, got {steps}."));
        }

        // The state is all the next step needs: here, how many units are done. Baton seals it
        // into the continuation token; the external execution id fills the Details link.
        return ValueTask.FromResult(StepResult.Continue(
            state: "0",
            percentComplete: 0,
            summary: $"Started: 0 of {steps} steps done",
            checkAfter: _checkAfter,
            externalExecutionId: "hello-" + job.IdempotencyKey));
    }

    /// <inheritdoc />
    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var steps = job.Configuration.GetInt32("Steps", defaultValue: 3);
        var done = int.Parse(state, CultureInfo.InvariantCulture) + 1;
        if (done < steps)
        {
            return ValueTask.FromResult(StepResult.Continue(
                state: done.ToString(CultureInfo.InvariantCulture),
                percentComplete: done * 100 / steps,
                summary: $"{done} of {steps} steps done",
                checkAfter: _checkAfter));
        }

        var greeting = job.Configuration.GetString("Greeting", "Hello from Baton");
        var elapsed = timeProvider.GetUtcNow() - job.ActionStartedAt;
        return ValueTask.FromResult(StepResult.Succeed(
            summary: string.Create(CultureInfo.InvariantCulture, $"{greeting}: {steps} steps in {elapsed.TotalSeconds:0} s")));
    }
}
