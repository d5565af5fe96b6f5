using System.Text.RegularExpressions;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Handlers;

/// <summary>
/// What one step of an action execution decided: continue later, succeed or fail. The hierarchy is
/// closed; create values with <see cref="Continue"/>, <see cref="Succeed"/> and <see cref="Fail"/>.
/// </summary>
public abstract partial record StepResult
{
    /// <summary>The longest external execution id CodePipeline accepts.</summary>
    public const int MaxExternalExecutionIdLength = 1500;

    /// <summary>The longest <c>checkAfter</c> a step may ask for.</summary>
    public static readonly TimeSpan MaxCheckAfter = TimeSpan.FromHours(24);

    private StepResult()
    {
    }

    /// <summary>
    /// The work is not finished: Baton seals <paramref name="state"/> into the continuation token and
    /// CodePipeline creates a new job that calls <see cref="IJobHandler.ContinueAsync"/> with it.
    /// </summary>
    /// <param name="state">What the next step needs, such as a backend id; keep it small (well under 1.5 KB).</param>
    /// <param name="percentComplete">Progress to show in CodePipeline, 0–100.</param>
    /// <param name="summary">A short status for the console; cut to 2,048 characters.</param>
    /// <param name="checkAfter">Run the next step no earlier than this from now.</param>
    /// <param name="externalExecutionId">The backend's id for this work: it fills the action's <c>{ExternalExecutionId}</c> Details link.</param>
    public static StepResult Continue(
        string state,
        int? percentComplete = null,
        string? summary = null,
        TimeSpan? checkAfter = null,
        string? externalExecutionId = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (percentComplete is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percentComplete), percentComplete, "percentComplete must be between 0 and 100.");
        }

        if (checkAfter < TimeSpan.Zero || checkAfter > MaxCheckAfter)
        {
            throw new ArgumentOutOfRangeException(
                nameof(checkAfter), checkAfter, $"checkAfter must be between zero and {MaxCheckAfter} (a custom action execution times out after 24 hours).");
        }

        CheckExternalExecutionId(externalExecutionId);
        return new Continuing(state, percentComplete, summary, checkAfter, externalExecutionId);
    }

    /// <summary>The action execution succeeded: Baton reports the final success (no continuation token).</summary>
    /// <param name="summary">A short result for the console; cut to 2,048 characters.</param>
    /// <param name="outputVariables">Output variables (custom actions only; keys match <c>[A-Za-z0-9@\-_]+</c>).</param>
    /// <param name="currentRevision">The revision the action produced, if any.</param>
    /// <param name="externalExecutionId">The backend's id for this work, if not reported before.</param>
    public static StepResult Succeed(
        string? summary = null,
        IReadOnlyDictionary<string, string>? outputVariables = null,
        CurrentRevision? currentRevision = null,
        string? externalExecutionId = null)
    {
        if (outputVariables is not null)
        {
            foreach (var name in outputVariables.Keys)
            {
                if (!OutputVariableName().IsMatch(name))
                {
                    throw new ArgumentException(
                        $"Output variable name '{name}' is invalid: names may contain only letters, digits, '@', '-' and '_'.",
                        nameof(outputVariables));
                }
            }
        }

        CheckExternalExecutionId(externalExecutionId);
        return new Succeeded(summary, outputVariables, currentRevision, externalExecutionId);
    }

    /// <summary>The action execution failed: Baton reports the failure, which ends it.</summary>
    /// <param name="failureType">One of the <see cref="FailureType"/> values, for example <see cref="FailureType.JobFailed"/>.</param>
    /// <param name="message">What went wrong and what to fix; cut to 5,000 characters.</param>
    public static StepResult Fail(string failureType, string message)
    {
        ArgumentNullException.ThrowIfNull(failureType);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!FailureType.Values.Contains(failureType, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Failure type '{failureType}' is not a CodePipeline failure type; use one of {string.Join(", ", FailureType.Values)}.",
                nameof(failureType));
        }

        return new Failed(failureType, message);
    }

    private static void CheckExternalExecutionId(string? externalExecutionId)
    {
        if (externalExecutionId is { Length: 0 or > MaxExternalExecutionIdLength })
        {
            throw new ArgumentException(
                $"externalExecutionId must be 1–{MaxExternalExecutionIdLength} characters, got {externalExecutionId.Length}.",
                nameof(externalExecutionId));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9@_-]+$")]
    private static partial Regex OutputVariableName();

    /// <summary>The result of <see cref="Continue"/>.</summary>
    public sealed record Continuing : StepResult
    {
        internal Continuing(string state, int? percentComplete, string? summary, TimeSpan? checkAfter, string? externalExecutionId)
        {
            State = state;
            PercentComplete = percentComplete;
            Summary = summary;
            CheckAfter = checkAfter;
            ExternalExecutionId = externalExecutionId;
        }

        /// <summary>The handler's state for the next step.</summary>
        public string State { get; }

        /// <summary>Progress, 0–100.</summary>
        public int? PercentComplete { get; }

        /// <summary>A short status.</summary>
        public string? Summary { get; }

        /// <summary>The earliest time, from the end of this step, of the next step.</summary>
        public TimeSpan? CheckAfter { get; }

        /// <summary>The backend's id for this work.</summary>
        public string? ExternalExecutionId { get; }
    }

    /// <summary>The result of <see cref="Succeed"/>.</summary>
    public sealed record Succeeded : StepResult
    {
        internal Succeeded(string? summary, IReadOnlyDictionary<string, string>? outputVariables, CurrentRevision? currentRevision, string? externalExecutionId)
        {
            Summary = summary;
            OutputVariables = outputVariables;
            CurrentRevision = currentRevision;
            ExternalExecutionId = externalExecutionId;
        }

        /// <summary>A short result.</summary>
        public string? Summary { get; }

        /// <summary>Output variables (custom actions only).</summary>
        public IReadOnlyDictionary<string, string>? OutputVariables { get; }

        /// <summary>The revision the action produced.</summary>
        public CurrentRevision? CurrentRevision { get; }

        /// <summary>The backend's id for this work.</summary>
        public string? ExternalExecutionId { get; }
    }

    /// <summary>The result of <see cref="Fail"/>.</summary>
    public sealed record Failed : StepResult
    {
        internal Failed(string failureType, string message)
        {
            FailureType = failureType;
            Message = message;
        }

        /// <summary>The CodePipeline failure type.</summary>
        public string FailureType { get; }

        /// <summary>What went wrong.</summary>
        public string Message { get; }
    }

    /// <summary>
    /// Not a handler outcome: the agent stopped before the step finished, so the job is handed back
    /// by reporting <paramref name="ContinuationToken"/> again and another replica runs the step.
    /// </summary>
    /// <param name="ContinuationToken">The token to report: the incoming one, or a fresh step-1 envelope.</param>
    internal sealed record HandedBack(string ContinuationToken) : StepResult;
}
