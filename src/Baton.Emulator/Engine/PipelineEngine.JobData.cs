using Baton.CodePipeline.Model;
using Baton.Emulator.Store;

namespace Baton.Emulator.Engine;

// Creating jobs and describing them to job workers.
public sealed partial class PipelineEngine
{
    private JobEntity CreateJob(ActionExecutionEntity action, string? continuationToken, DateTimeOffset visibleAt)
    {
        var now = _time.GetUtcNow();
        var type = FindActionTypeIncludingDeleted(action.ActionTypeId);
        var client = action.Runner == ActionRunners.ThirdParty
            ? _state.ThirdPartyClients.Values.FirstOrDefault(c =>
                c.PipelineName == action.PipelineName && c.StageName == action.StageName && c.ActionName == action.ActionName)
            : null;
        var job = new JobEntity
        {
            Id = _random.NewId(),
            ActionExecutionId = action.Id,
            PipelineExecutionId = action.PipelineExecutionId,
            PipelineName = action.PipelineName,
            StageName = action.StageName,
            ActionName = action.ActionName,
            ActionTypeKey = ActionTypeEntity.KeyOf(action.ActionTypeId),
            IsThirdParty = action.Runner == ActionRunners.ThirdParty,
            Status = visibleAt <= now ? JobStatus.Queued : JobStatus.Created,
            Created = now,
            VisibleAt = visibleAt,
            Deadline = visibleAt + _options.JobTimeout,
            ContinuationToken = continuationToken,
            ClientId = client?.ClientId,
            QueryValue = type?.QueryableProperty is { } queryable ? action.ResolvedConfiguration.GetValueOrDefault(queryable.Name) : null,
            AccessKeyId = EmulatorRandom.NewAccessKeyId(),
            SecretAccessKey = EmulatorRandom.NewSecret(40),
            SessionToken = EmulatorRandom.NewSecret(96),
        };
        _state.Upsert(job);
        action.CurrentJobId = job.Id;
        _state.Touch(action);
        GrantArtifacts(job);
        Record(job.PipelineName, job.PipelineExecutionId, "JobCreated",
            continuationToken is null ? $"Job {job.Id} created." : $"Continuation job {job.Id} created.", job.StageName, job.ActionName);
        Log.JobCreated(_logger, job.Id, job.PipelineName, job.ActionName, continuationToken is not null);
        return job;
    }

    private void GrantArtifacts(JobEntity job)
    {
        var action = _state.ActionExecutions[job.ActionExecutionId];
        _artifacts.Grant(new ArtifactGrant(
            job.AccessKeyId,
            job.SecretAccessKey,
            job.SessionToken,
            [.. action.InputArtifacts.Select(a => (a.Bucket, a.Key))],
            [.. action.OutputArtifacts.Select(a => (a.Bucket, a.Key))]));
    }

    private JobData BuildJobData(JobEntity job)
    {
        var action = _state.ActionExecutions[job.ActionExecutionId];
        var declaration = _state.Pipelines.TryGetValue(job.PipelineName, out var pipeline) && pipeline.Versions.TryGetValue(action.PipelineVersion, out var version)
            ? version
            : null;
        return new JobData
        {
            ActionTypeId = action.ActionTypeId,
            ActionConfiguration = new ActionConfiguration { Configuration = action.ResolvedConfiguration },
            PipelineContext = new PipelineContext
            {
                PipelineName = job.PipelineName,
                Stage = new StageContext { Name = job.StageName },
                Action = new ActionContext { Name = job.ActionName, ActionExecutionId = action.Id },
                PipelineArn = job.IsThirdParty ? null : PipelineArn(job.PipelineName),
                PipelineExecutionId = job.IsThirdParty ? null : job.PipelineExecutionId,
            },
            InputArtifacts = [.. action.InputArtifacts.Select(a => a.ToWire())],
            OutputArtifacts = [.. action.OutputArtifacts.Select(a => a.ToWire())],
            ArtifactCredentials = new AWSSessionCredentials
            {
                AccessKeyId = job.AccessKeyId,
                SecretAccessKey = job.SecretAccessKey,
                SessionToken = job.SessionToken,
            },
            ContinuationToken = job.ContinuationToken,
            EncryptionKey = declaration is null ? null : ArtifactStoreOf(declaration).EncryptionKey,
        };
    }

    private ThirdPartyJobData BuildThirdPartyJobData(JobEntity job)
    {
        var data = BuildJobData(job);
        return new ThirdPartyJobData
        {
            ActionTypeId = data.ActionTypeId,
            ActionConfiguration = data.ActionConfiguration,
            PipelineContext = data.PipelineContext,
            InputArtifacts = data.InputArtifacts,
            OutputArtifacts = data.OutputArtifacts,
            ArtifactCredentials = data.ArtifactCredentials,
            ContinuationToken = data.ContinuationToken,
            EncryptionKey = data.EncryptionKey,
        };
    }
}
