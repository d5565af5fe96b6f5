namespace Baton.Agent.Handlers;

/// <summary>Where in a pipeline the job runs (the job data's <c>pipelineContext</c>).</summary>
/// <param name="PipelineName">The pipeline.</param>
/// <param name="StageName">The stage.</param>
/// <param name="ActionName">The action.</param>
/// <param name="ActionExecutionId">The action execution, shared by every job of it.</param>
/// <param name="PipelineExecutionId">The pipeline execution; CodePipeline does not send it for third-party jobs.</param>
/// <param name="PipelineArn">The pipeline ARN; CodePipeline does not send it for third-party jobs.</param>
public sealed record JobPipelineContext(
    string? PipelineName,
    string? StageName,
    string? ActionName,
    string? ActionExecutionId,
    string? PipelineExecutionId = null,
    string? PipelineArn = null);
