using Baton.Cli.Commands.Pipeline;
using Baton.CodePipeline;
using Baton.CodePipeline.Model;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// Stands in for the reviewer of the demo's manual approval: once the approval of the watched
/// execution waits (GetPipelineState shows it InProgress with a token), it approves it with
/// PutApprovalResult, once.
/// </summary>
/// <param name="client">The CodePipeline client.</param>
internal sealed class DemoApprover(ICodePipelineClient client)
{
    private readonly HashSet<string> _approved = new(StringComparer.Ordinal);

    /// <summary>Approves the waiting approval of <paramref name="snapshot"/>, if there is one.</summary>
    /// <param name="snapshot">The latest snapshot.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The line to print, or null when nothing was waiting.</returns>
    public async Task<string?> ApproveWaitingAsync(PipelineSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var stage = snapshot.State.StageStates?.FirstOrDefault(s => s.StageName == DemoPipeline.ReleaseStage);
        if (stage is null || !snapshot.IsWatched(stage))
        {
            return null;
        }

        var latest = stage.ActionStates?.FirstOrDefault(a => a.ActionName == DemoPipeline.ApprovalAction)?.LatestExecution;
        if (latest is not { Status: "InProgress", Token: { Length: > 0 } token } || !_approved.Add(token))
        {
            return null;
        }

        await client.PutApprovalResultAsync(new PutApprovalResultRequest
        {
            PipelineName = snapshot.PipelineName,
            StageName = DemoPipeline.ReleaseStage,
            ActionName = DemoPipeline.ApprovalAction,
            Token = token,
            Result = new ApprovalResult { Status = "Approved", Summary = "Approved by baton demo: the load test passed." },
        }, cancellationToken);
        return $"demo: approved {DemoPipeline.ReleaseStage}/{DemoPipeline.ApprovalAction} automatically (standing in for the reviewer: PutApprovalResult Approved)";
    }
}
