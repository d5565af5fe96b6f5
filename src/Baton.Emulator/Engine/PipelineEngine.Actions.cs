using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// Starting and finishing single actions: the S3 source copy, the approval wait and the jobs of
// custom and third-party actions.
public sealed partial class PipelineEngine
{
    private static readonly TimeSpan _defaultApprovalTimeout = TimeSpan.FromDays(7);

    private void StartAction(ExecutionEntity execution, StageRun stage, ActionDeclaration declaration)
    {
        var now = _time.GetUtcNow();
        var pipeline = _state.Pipelines[execution.PipelineName];
        var store = ArtifactStoreOf(pipeline.Versions[execution.PipelineVersion]);
        var runner = RunnerOf(declaration.ActionTypeId);
        var timeout = runner == ActionRunners.Approval
            ? (declaration.TimeoutInMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : _defaultApprovalTimeout)
            : _options.ActionTimeout;
        var action = new ActionExecutionEntity
        {
            Id = _random.NewId(),
            PipelineExecutionId = execution.Id,
            PipelineName = execution.PipelineName,
            PipelineVersion = execution.PipelineVersion,
            StageName = stage.Name,
            ActionName = declaration.Name,
            RunOrder = declaration.RunOrder ?? 1,
            Attempt = stage.Attempt,
            Ordinal = _state.ExecutionIndex.MaxActionOrdinal + 1,
            Runner = runner,
            ActionTypeId = declaration.ActionTypeId,
            Status = ActionExecutionStatus.InProgress,
            StartTime = now,
            LastUpdateTime = now,
            Deadline = now + timeout,
            Configuration = new Dictionary<string, string>(declaration.Configuration ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            Namespace = declaration.Namespace,
            RoleArn = declaration.RoleArn,
            Region = declaration.Region,
            InputArtifacts = [.. (declaration.InputArtifacts ?? []).Select(i => execution.Artifacts[i.Name])],
            OutputArtifacts = [.. (declaration.OutputArtifacts ?? []).Select(o => new ArtifactRecord
            {
                Name = o.Name,
                Bucket = store.Location,
                Key = $"{Truncate(execution.PipelineName, 20)}/{Truncate(o.Name, 10)}/{_random.NewName(7)}",
                ProducedBy = declaration.Name,
            })],
        };
        _state.Upsert(action);
        Record(execution.PipelineName, execution.Id, "ActionStarted", $"Action '{action.ActionName}' started.", stage.Name, action.ActionName);

        var (resolved, error) = VariableResolver.Resolve(action.Configuration, execution);
        if (resolved is null)
        {
            FinishAction(action, ActionExecutionStatus.Failed, FailureType.ConfigurationError, error, advance: false);
            return;
        }

        action.ResolvedConfiguration = resolved;
        switch (runner)
        {
            case ActionRunners.S3Source:
                _pendingSourceCopies.Enqueue(action.Id);
                break;
            case ActionRunners.Approval:
                action.Token = _random.NewId();
                break;
            default:
                CreateJob(action, continuationToken: null, visibleAt: now);
                break;
        }
    }

    private static string RunnerOf(ActionTypeId id) => id.Owner switch
    {
        ActionOwner.Custom => ActionRunners.Custom,
        ActionOwner.ThirdParty => ActionRunners.ThirdParty,
        _ when BuiltInActionTypes.IsS3Source(id) => ActionRunners.S3Source,
        _ => ActionRunners.Approval,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Ends an action execution and, unless told otherwise, moves its execution on.</summary>
    private void FinishAction(ActionExecutionEntity action, string status, string? errorCode, string? message, bool advance = true)
    {
        action.Status = status;
        action.LastUpdateTime = _time.GetUtcNow();
        action.Token = null;
        if (status != ActionExecutionStatus.Succeeded)
        {
            action.ErrorCode = errorCode;
            action.ErrorMessage = message;
            action.Summary ??= message;
        }

        _state.Touch(action);
        CloseOpenJobs(action, status == ActionExecutionStatus.Abandoned ? "The action execution was abandoned." : null);
        var execution = _state.Executions[action.PipelineExecutionId];
        if (status == ActionExecutionStatus.Succeeded)
        {
            foreach (var artifact in action.OutputArtifacts)
            {
                execution.Artifacts[artifact.Name] = artifact;
            }

            if (action.Namespace is { } space)
            {
                execution.Namespaces[space] = new Dictionary<string, string>(action.OutputVariables, StringComparer.Ordinal);
            }

            Touch(execution);
        }

        Record(action.PipelineName, action.PipelineExecutionId, "Action" + status, message ?? action.Summary ?? $"Action '{action.ActionName}' {status}.", action.StageName, action.ActionName);
        Log.ActionFinished(_logger, action.PipelineName, action.StageName, action.ActionName, status);
        if (advance && execution.Stage(action.StageName) is { } stage)
        {
            OnActionFinished(execution, stage);
        }
    }

    private void CloseOpenJobs(ActionExecutionEntity action, string? abandonedReason)
    {
        foreach (var job in _state.JobIndex.OfAction(action.Id).Where(j => !j.IsTerminal).ToList())
        {
            job.Status = JobStatus.Failed;
            job.AbandonedReason = abandonedReason ?? "The action execution has already ended.";
            job.CompletedAt = _time.GetUtcNow();
            _artifacts.Revoke(job.AccessKeyId);
            _state.Touch(job);
        }
    }

    private async Task DrainSourceCopiesAsync()
    {
        while (_pendingSourceCopies.TryDequeue(out var id))
        {
            if (!_state.ActionExecutions.TryGetValue(id, out var action) || !action.IsInProgress)
            {
                continue;
            }

            var bucket = action.ResolvedConfiguration.GetValueOrDefault("S3Bucket") ?? string.Empty;
            var key = action.ResolvedConfiguration.GetValueOrDefault("S3ObjectKey") ?? string.Empty;
            var output = action.OutputArtifacts[0];
            SourceCopyResult result;
            try
            {
                await _artifacts.EnsureBucketAsync(output.Bucket, CancellationToken.None).ConfigureAwait(false);
                result = await _artifacts.CopyAsync(bucket, key, output.Bucket, output.Key, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                result = new SourceCopyResult(null, $"Could not copy s3://{bucket}/{key} into the artifact store: {exception.Message}");
            }

            if (!action.IsInProgress)
            {
                continue;
            }

            if (!result.Succeeded)
            {
                FinishAction(action, ActionExecutionStatus.Failed, FailureType.ConfigurationError, result.Error);
                continue;
            }

            var now = _time.GetUtcNow();
            output.Revision = result.Revision;
            output.Created = now;
            action.CurrentRevision = new CurrentRevision { Revision = result.Revision!, ChangeIdentifier = result.Revision!, Created = now };
            action.Summary = $"Copied s3://{bucket}/{key} (ETag {result.Revision}).";
            action.OutputVariables = new Dictionary<string, string>(StringComparer.Ordinal) { ["ETag"] = result.Revision!, ["ObjectKey"] = key, ["BucketName"] = bucket };
            FinishAction(action, ActionExecutionStatus.Succeeded, null, null);
        }
    }
}
