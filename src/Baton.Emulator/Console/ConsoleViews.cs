using Baton.CodePipeline.Model;
using Baton.Emulator.Engine;

namespace Baton.Emulator.Console;

/// <summary>Builds the console's view models from the engine's CodePipeline operations.</summary>
internal sealed class ConsoleViews(PipelineEngine engine)
{
    private const int RecentExecutions = 10;

    /// <summary>Every pipeline with its newest execution.</summary>
    public async Task<IReadOnlyList<PipelineListItem>> ListPipelinesAsync(CancellationToken cancellationToken)
    {
        var items = new List<PipelineListItem>();
        string? next = null;
        do
        {
            var page = await engine.ListPipelinesAsync(new ListPipelinesRequest { NextToken = next }, cancellationToken).ConfigureAwait(false);
            foreach (var pipeline in page.Pipelines ?? [])
            {
                var latest = (await engine.ListPipelineExecutionsAsync(
                    new ListPipelineExecutionsRequest { PipelineName = pipeline.Name!, MaxResults = 1 }, cancellationToken).ConfigureAwait(false))
                    .PipelineExecutionSummaries is [var first, ..] ? first : null;
                var updated = latest?.LastUpdateTime > pipeline.Updated ? latest.LastUpdateTime : pipeline.Updated;
                items.Add(new PipelineListItem(pipeline.Name!, pipeline.Version ?? 1, latest?.PipelineExecutionId, latest?.Status, updated));
            }

            next = page.NextToken;
        }
        while (next is not null);
        return items;
    }

    /// <summary>A pipeline's stages, actions and recent executions.</summary>
    public async Task<PipelineView> GetPipelineAsync(string name, CancellationToken cancellationToken)
    {
        var declaration = (await engine.GetPipelineAsync(new GetPipelineRequest { Name = name }, cancellationToken).ConfigureAwait(false)).Pipeline!;
        var state = await engine.GetPipelineStateAsync(new GetPipelineStateRequest { Name = name }, cancellationToken).ConfigureAwait(false);
        var executions = (await engine.ListPipelineExecutionsAsync(
            new ListPipelineExecutionsRequest { PipelineName = name, MaxResults = RecentExecutions }, cancellationToken).ConfigureAwait(false))
            .PipelineExecutionSummaries ?? [];
        var connectable = await ConnectableTypesAsync(cancellationToken).ConfigureAwait(false);
        var statuses = executions.ToDictionary(e => e.PipelineExecutionId!, e => e.Status, StringComparer.Ordinal);
        var stages = new List<StageView>();
        foreach (var stage in state.StageStates ?? [])
        {
            var stageDeclaration = declaration.Stages.FirstOrDefault(s => s.Name == stage.StageName);
            var latest = stage.LatestExecution;
            var retryable = false;
            if (latest is { Status: StageExecutionStatus.Failed or StageExecutionStatus.Stopped })
            {
                if (!statuses.TryGetValue(latest.PipelineExecutionId, out var executionStatus))
                {
                    executionStatus = (await engine.GetPipelineExecutionAsync(
                        new GetPipelineExecutionRequest { PipelineName = name, PipelineExecutionId = latest.PipelineExecutionId }, cancellationToken).ConfigureAwait(false))
                        .PipelineExecution?.Status;
                }

                retryable = executionStatus is not (PipelineExecutionStatus.InProgress or PipelineExecutionStatus.Stopping);
            }

            var actions = (stage.ActionStates ?? [])
                .Select(a => ToView(a, stageDeclaration?.Actions.FirstOrDefault(d => d.Name == a.ActionName), connectable))
                .ToList();
            stages.Add(new StageView(stage.StageName!, latest?.Status, latest?.PipelineExecutionId, retryable, actions));
        }

        return new PipelineView(state.PipelineName ?? name, state.PipelineVersion ?? 1, stages, [.. executions.Select(ToView)]);
    }

    /// <summary>One execution with every job of every action, and its event log.</summary>
    public async Task<ExecutionTimelineView> GetTimelineAsync(string name, string executionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = await engine.GetExecutionJobsAsync(name, executionId, cancellationToken).ConfigureAwait(false);
        var execution = new ExecutionSummaryView(
            executionId, snapshot.Status, snapshot.StatusSummary, snapshot.StartTime, snapshot.LastUpdateTime, IsStoppable(snapshot.Status));
        var actions = snapshot.Actions.Select(a => new ActionTimelineView(
            a.ActionExecutionId, a.StageName, a.ActionName, a.Attempt, a.Status, a.Summary, a.ExternalExecutionId, a.PercentComplete,
            a.StartTime, a.LastUpdateTime, [.. a.Jobs.Select(j => ToView(j, now))])).ToList();
        return new ExecutionTimelineView(name, execution, actions, snapshot.Events);
    }

    private async Task<HashSet<string>> ConnectableTypesAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var page = await engine.ListActionTypesAsync(
                new ListActionTypesRequest { ActionOwnerFilter = ActionOwner.ThirdParty, NextToken = next }, cancellationToken).ConfigureAwait(false);
            foreach (var type in (page.ActionTypes ?? []).Where(t => Html.IsWebUrl(t.Settings?.ThirdPartyConfigurationUrl)))
            {
                keys.Add(Key(type.Id));
            }

            next = page.NextToken;
        }
        while (next is not null);
        return keys;
    }

    private static ActionView ToView(ActionState state, ActionDeclaration? declaration, HashSet<string> connectable)
    {
        var latest = state.LatestExecution;
        var type = declaration?.ActionTypeId;
        var label = type is null ? "" : $"{type.Category} · {type.Owner} · {type.Provider} v{type.Version}";
        var error = latest?.ErrorDetails is { } details ? $"{details.Code}: {details.Message}" : null;
        var waitingApproval = latest is { Status: ActionExecutionStatus.InProgress, Token: not null } && type?.Category == ActionCategory.Approval;
        return new ActionView(
            state.ActionName!,
            label,
            latest?.Status,
            latest?.Summary,
            latest?.ExternalExecutionUrl,
            state.EntityUrl,
            latest?.PercentComplete,
            error,
            waitingApproval ? latest!.Token : null,
            type is not null && connectable.Contains(Key(type)));
    }

    private static ExecutionSummaryView ToView(PipelineExecutionSummary summary) => new(
        summary.PipelineExecutionId!, summary.Status, summary.StatusSummary, summary.StartTime, summary.LastUpdateTime, IsStoppable(summary.Status));

    private static JobStepView ToView(JobSnapshot job, DateTimeOffset now)
    {
        var waited = job.DispatchedAt is { } dispatched ? Durations.Format(dispatched - job.VisibleAt) : "–";
        var ran = (job.AcknowledgedAt ?? job.DispatchedAt) is { } started ? Durations.Format((job.CompletedAt ?? now) - started) : "–";
        return new JobStepView(
            job.JobId, job.Status, job.DispatchCount, job.Created, job.DispatchedAt, job.AcknowledgedAt, job.CompletedAt,
            waited, ran, job.ContinuationTokenLength, job.AbandonedReason);
    }

    private static bool IsStoppable(string? status) => status is PipelineExecutionStatus.InProgress or PipelineExecutionStatus.Stopping;

    private static string Key(ActionTypeId id) => $"{id.Owner}/{id.Category}/{id.Provider}/{id.Version}";
}
