using Baton.Agent.Continuation;
using Baton.Agent.Handlers;
using Baton.Agent.Jobs;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Runner;

/// <summary>Builds the handler's <see cref="JobContext"/> from the job data and the opened envelope.</summary>
internal static class JobContextFactory
{
    public static JobContext Create(
        JobReference job, JobData data, ContinuationEnvelope envelope, ActionTypeId polledActionType, IJobArtifacts artifacts)
    {
        var pipeline = data.PipelineContext;
        return new JobContext
        {
            JobId = job.JobId,
            IsThirdParty = job.IsThirdParty,
            ClientId = job.IsThirdParty ? job.ClientId : null,
            ActionTypeId = data.ActionTypeId ?? polledActionType,
            Configuration = new JobConfiguration(data.ActionConfiguration?.Configuration),
            Pipeline = new JobPipelineContext(
                pipeline?.PipelineName,
                pipeline?.Stage?.Name,
                pipeline?.Action?.Name,
                pipeline?.Action?.ActionExecutionId,
                pipeline?.PipelineExecutionId,
                pipeline?.PipelineArn),
            InputArtifacts = ToArtifacts(data.InputArtifacts),
            OutputArtifacts = ToArtifacts(data.OutputArtifacts),
            Artifacts = artifacts,
            ExternalExecutionId = envelope.ExternalExecutionId,
            Step = envelope.Step,
            ActionStartedAt = envelope.StartedAt,
            IdempotencyKey = envelope.OriginJobId,
        };
    }

    private static JobArtifact[] ToArtifacts(IReadOnlyList<Artifact>? artifacts) =>
    [
        .. (artifacts ?? [])
            .Where(a => a.Name is not null && a.Location?.S3Location is not null)
            .Select(a => new JobArtifact(a.Name!, a.Location!.S3Location!.BucketName, a.Location.S3Location.ObjectKey, a.Revision)),
    ];
}
