using Baton.CodePipeline;
using Baton.CodePipeline.Model;

namespace Baton.Chaos.Pipelines;

/// <summary>
/// Follows the started executions until each has ended (Succeeded, Failed, Stopped, Superseded)
/// or the deadline passes. Calls that fail (injected faults, the emulator restarting) are tried
/// again on the next round.
/// </summary>
internal sealed class ExecutionWatcher(CodePipelineClient client, TimeProvider time)
{
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(2);
    private static readonly HashSet<string> _terminal = new(StringComparer.Ordinal) { "Succeeded", "Failed", "Stopped", "Superseded" };

    /// <returns>The last known status of each execution, by pipeline.</returns>
    public async Task<IReadOnlyDictionary<string, string>> WaitAsync(IReadOnlyDictionary<string, string> executions, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var statuses = executions.Keys.ToDictionary(name => name, _ => "InProgress", StringComparer.Ordinal);
        while (true)
        {
            foreach (var (pipeline, executionId) in executions)
            {
                if (_terminal.Contains(statuses[pipeline]))
                {
                    continue;
                }

                try
                {
                    var answer = await client.GetPipelineExecutionAsync(
                        new GetPipelineExecutionRequest { PipelineName = pipeline, PipelineExecutionId = executionId },
                        cancellationToken);
                    statuses[pipeline] = answer.PipelineExecution?.Status ?? statuses[pipeline];
                }
                catch (Exception ex) when (ex is CodePipelineServiceException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // Faults or a restarting emulator: ask again next round.
                }
            }

            if (statuses.Values.All(_terminal.Contains) || time.GetUtcNow() >= deadline)
            {
                return statuses;
            }

            await Task.Delay(_interval, time, cancellationToken);
        }
    }
}
