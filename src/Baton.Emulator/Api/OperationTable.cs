using Baton.CodePipeline.Model;
using Baton.Emulator.Engine;

namespace Baton.Emulator.Api;

/// <summary>Binds each CodePipeline operation name to the engine method that serves it.</summary>
internal static class OperationTable
{
    public delegate Task<object?> Invoker(PipelineEngine engine, object request, CancellationToken cancellationToken);

    public static IReadOnlyDictionary<string, Invoker> Invokers { get; } = new Dictionary<string, Invoker>(StringComparer.Ordinal)
    {
        ["PollForJobs"] = Bind(static (PipelineEngine e, PollForJobsRequest r, CancellationToken c) => e.PollForJobsAsync(r, c)),
        ["AcknowledgeJob"] = Bind(static (PipelineEngine e, AcknowledgeJobRequest r, CancellationToken c) => e.AcknowledgeJobAsync(r, c)),
        ["GetJobDetails"] = Bind(static (PipelineEngine e, GetJobDetailsRequest r, CancellationToken c) => e.GetJobDetailsAsync(r, c)),
        ["PutJobSuccessResult"] = BindEmpty(static (PipelineEngine e, PutJobSuccessResultRequest r, CancellationToken c) => e.PutJobSuccessResultAsync(r, c)),
        ["PutJobFailureResult"] = BindEmpty(static (PipelineEngine e, PutJobFailureResultRequest r, CancellationToken c) => e.PutJobFailureResultAsync(r, c)),
        ["PollForThirdPartyJobs"] = Bind(static (PipelineEngine e, PollForThirdPartyJobsRequest r, CancellationToken c) => e.PollForThirdPartyJobsAsync(r, c)),
        ["AcknowledgeThirdPartyJob"] = Bind(static (PipelineEngine e, AcknowledgeThirdPartyJobRequest r, CancellationToken c) => e.AcknowledgeThirdPartyJobAsync(r, c)),
        ["GetThirdPartyJobDetails"] = Bind(static (PipelineEngine e, GetThirdPartyJobDetailsRequest r, CancellationToken c) => e.GetThirdPartyJobDetailsAsync(r, c)),
        ["PutThirdPartyJobSuccessResult"] = BindEmpty(static (PipelineEngine e, PutThirdPartyJobSuccessResultRequest r, CancellationToken c) => e.PutThirdPartyJobSuccessResultAsync(r, c)),
        ["PutThirdPartyJobFailureResult"] = BindEmpty(static (PipelineEngine e, PutThirdPartyJobFailureResultRequest r, CancellationToken c) => e.PutThirdPartyJobFailureResultAsync(r, c)),
        ["CreateCustomActionType"] = Bind(static (PipelineEngine e, CreateCustomActionTypeRequest r, CancellationToken c) => e.CreateCustomActionTypeAsync(r, c)),
        ["DeleteCustomActionType"] = BindEmpty(static (PipelineEngine e, DeleteCustomActionTypeRequest r, CancellationToken c) => e.DeleteCustomActionTypeAsync(r, c)),
        ["ListActionTypes"] = Bind(static (PipelineEngine e, ListActionTypesRequest r, CancellationToken c) => e.ListActionTypesAsync(r, c)),
        ["CreatePipeline"] = Bind(static (PipelineEngine e, CreatePipelineRequest r, CancellationToken c) => e.CreatePipelineAsync(r, c)),
        ["GetPipeline"] = Bind(static (PipelineEngine e, GetPipelineRequest r, CancellationToken c) => e.GetPipelineAsync(r, c)),
        ["UpdatePipeline"] = Bind(static (PipelineEngine e, UpdatePipelineRequest r, CancellationToken c) => e.UpdatePipelineAsync(r, c)),
        ["DeletePipeline"] = BindEmpty(static (PipelineEngine e, DeletePipelineRequest r, CancellationToken c) => e.DeletePipelineAsync(r, c)),
        ["ListPipelines"] = Bind(static (PipelineEngine e, ListPipelinesRequest r, CancellationToken c) => e.ListPipelinesAsync(r, c)),
        ["StartPipelineExecution"] = Bind(static (PipelineEngine e, StartPipelineExecutionRequest r, CancellationToken c) => e.StartPipelineExecutionAsync(r, c)),
        ["StopPipelineExecution"] = Bind(static (PipelineEngine e, StopPipelineExecutionRequest r, CancellationToken c) => e.StopPipelineExecutionAsync(r, c)),
        ["GetPipelineState"] = Bind(static (PipelineEngine e, GetPipelineStateRequest r, CancellationToken c) => e.GetPipelineStateAsync(r, c)),
        ["GetPipelineExecution"] = Bind(static (PipelineEngine e, GetPipelineExecutionRequest r, CancellationToken c) => e.GetPipelineExecutionAsync(r, c)),
        ["ListPipelineExecutions"] = Bind(static (PipelineEngine e, ListPipelineExecutionsRequest r, CancellationToken c) => e.ListPipelineExecutionsAsync(r, c)),
        ["ListActionExecutions"] = Bind(static (PipelineEngine e, ListActionExecutionsRequest r, CancellationToken c) => e.ListActionExecutionsAsync(r, c)),
        ["RetryStageExecution"] = Bind(static (PipelineEngine e, RetryStageExecutionRequest r, CancellationToken c) => e.RetryStageExecutionAsync(r, c)),
        ["PutApprovalResult"] = Bind(static (PipelineEngine e, PutApprovalResultRequest r, CancellationToken c) => e.PutApprovalResultAsync(r, c)),
    };

    private static Invoker Bind<TRequest, TResponse>(Func<PipelineEngine, TRequest, CancellationToken, Task<TResponse>> call) =>
        async (engine, request, cancellationToken) => await call(engine, (TRequest)request, cancellationToken).ConfigureAwait(false);

    private static Invoker BindEmpty<TRequest>(Func<PipelineEngine, TRequest, CancellationToken, Task> call) =>
        async (engine, request, cancellationToken) =>
        {
            await call(engine, (TRequest)request, cancellationToken).ConfigureAwait(false);
            return null;
        };
}
