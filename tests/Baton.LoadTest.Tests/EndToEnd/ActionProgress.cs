using System.Text.Json;
using Baton.CodePipeline;
using Baton.CodePipeline.Model;

namespace Baton.LoadTest.Tests.EndToEnd;

/// <summary>What GetPipelineState showed of the load-test action at one moment.</summary>
public sealed record ActionSnapshot(string Status, int? PercentComplete, string? Summary, string? ExternalExecutionId, string? ExternalExecutionUrl, string? ErrorCode, string? ErrorMessage)
{
    public bool IsFinal => Status is "Succeeded" or "Failed" or "Abandoned";
}

/// <summary>
/// Follows the load-test action of one pipeline execution as a user of the console would: it reads
/// GetPipelineState (over HTTP, from the emulator) until the action ends or the deadline passes,
/// and keeps every distinct state it saw. The reads are paced, but nothing depends on their timing:
/// each continuation step stays visible for seconds.
/// </summary>
public static class ActionProgress
{
    /// <summary>Reads until the action ends, or until <paramref name="until"/> holds for what it shows.</summary>
    public static async Task<IReadOnlyList<ActionSnapshot>> FollowAsync(
        CodePipelineClient client, string pipeline, string executionId, TimeSpan deadline, Func<ActionSnapshot, bool>? until = null)
    {
        var seen = new List<ActionSnapshot>();
        using var timeout = new CancellationTokenSource(deadline);
        using var cadence = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (true)
            {
                var state = await client.GetPipelineStateAsync(new GetPipelineStateRequest { Name = pipeline }, timeout.Token);
                var stage = state.StageStates!.Single(s => s.StageName == LoadTestPipelines.TestStage);
                var action = stage.ActionStates!.Single(a => a.ActionName == LoadTestPipelines.LoadTestAction).LatestExecution;
                if (stage.LatestExecution?.PipelineExecutionId == executionId && action is not null)
                {
                    var snapshot = new ActionSnapshot(
                        action.Status!, action.PercentComplete, action.Summary, action.ExternalExecutionId, action.ExternalExecutionUrl, action.ErrorDetails?.Code, action.ErrorDetails?.Message);
                    if (seen.Count == 0 || seen[^1] != snapshot)
                    {
                        seen.Add(snapshot);
                    }

                    if (snapshot.IsFinal || until?.Invoke(snapshot) == true)
                    {
                        return seen;
                    }
                }

                await cadence.WaitForNextTickAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The load-test action of {pipeline} execution {executionId} did not end within {deadline.TotalSeconds:0} s. Seen: {JsonSerializer.Serialize(seen)}");
        }
    }

    /// <summary>The jobs (one per step) the emulator's console shows for the load-test action of an execution.</summary>
    public static async Task<IReadOnlyList<JsonElement>> JobsAsync(EndToEndStack stack, string pipeline, string executionId)
    {
        var json = await stack.Http.GetStringAsync(new Uri(stack.EmulatorUrl, $"/console/api/pipelines/{pipeline}/executions/{executionId}"));
        var actions = JsonDocument.Parse(json).RootElement.GetProperty("actions").EnumerateArray();
        var action = actions.Single(a => a.GetProperty("actionName").GetString() == LoadTestPipelines.LoadTestAction);
        return [.. action.GetProperty("jobs").EnumerateArray()];
    }
}
