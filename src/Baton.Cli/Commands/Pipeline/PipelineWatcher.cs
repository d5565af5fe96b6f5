using Baton.CodePipeline;
using Baton.CodePipeline.Model;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>
/// Polls a pipeline execution (GetPipelineExecution, GetPipelineState, ListActionExecutions)
/// until it ends, handing each <see cref="PipelineSnapshot"/> to a callback. Used by
/// <c>baton pipeline watch</c> and <c>baton demo</c>.
/// </summary>
/// <param name="client">The CodePipeline client.</param>
/// <param name="timeProvider">The clock the poll interval is waited on.</param>
public sealed class PipelineWatcher(ICodePipelineClient client, TimeProvider timeProvider)
{
    // ListActionExecutions pages; a watch only needs the current execution's few actions.
    private const int MaxPages = 20;

    /// <summary>The latest execution of a pipeline, or null when it never ran.</summary>
    /// <param name="pipelineName">The pipeline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<string?> LatestExecutionIdAsync(string pipelineName, CancellationToken cancellationToken)
    {
        var executions = await client.ListPipelineExecutionsAsync(
            new ListPipelineExecutionsRequest { PipelineName = pipelineName, MaxResults = 1 }, cancellationToken);
        return executions.PipelineExecutionSummaries is [var latest, ..] ? latest.PipelineExecutionId : null;
    }

    /// <summary>Reads one snapshot.</summary>
    /// <param name="pipelineName">The pipeline.</param>
    /// <param name="executionId">The execution, or null for the pipeline's state alone.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<PipelineSnapshot> SnapshotAsync(string pipelineName, string? executionId, CancellationToken cancellationToken)
    {
        var state = await client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = pipelineName }, cancellationToken);
        if (executionId is null)
        {
            return new PipelineSnapshot(pipelineName, null, state, []);
        }

        var execution = await client.GetPipelineExecutionAsync(
            new GetPipelineExecutionRequest { PipelineName = pipelineName, PipelineExecutionId = executionId }, cancellationToken);
        var details = new List<ActionExecutionDetail>();
        string? nextToken = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await client.ListActionExecutionsAsync(new ListActionExecutionsRequest
            {
                PipelineName = pipelineName,
                Filter = new ActionExecutionFilter { PipelineExecutionId = executionId },
                MaxResults = 100,
                NextToken = nextToken,
            }, cancellationToken);
            details.AddRange(response.ActionExecutionDetails ?? []);
            nextToken = response.NextToken;
            if (nextToken is null)
            {
                break;
            }
        }

        var ordered = details
            .OrderBy(d => d.StartTime ?? DateTimeOffset.MinValue)
            .ThenBy(d => d.ActionExecutionId, StringComparer.Ordinal)
            .ToList();
        return new PipelineSnapshot(pipelineName, execution.PipelineExecution, state, ordered);
    }

    /// <summary>Polls until the execution ends; cancel the token to stop early (a timeout, Ctrl-C).</summary>
    /// <param name="pipelineName">The pipeline.</param>
    /// <param name="executionId">The execution.</param>
    /// <param name="interval">The pause between polls.</param>
    /// <param name="onSnapshot">Receives every snapshot, the final one included.</param>
    /// <param name="cancellationToken">Stops watching.</param>
    /// <returns>The final snapshot.</returns>
    public async Task<PipelineSnapshot> WatchAsync(
        string pipelineName, string executionId, TimeSpan interval, Action<PipelineSnapshot> onSnapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onSnapshot);
        while (true)
        {
            var snapshot = await SnapshotAsync(pipelineName, executionId, cancellationToken);
            onSnapshot(snapshot);
            if (snapshot.IsFinal)
            {
                return snapshot;
            }

            await Task.Delay(interval, timeProvider, cancellationToken);
        }
    }
}
