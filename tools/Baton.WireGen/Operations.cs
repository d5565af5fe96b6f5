namespace Baton.WireGen;

/// <summary>
/// The CodePipeline operations Baton implements. Their input, output and error shapes, and every
/// shape those reach, are generated; nothing else in the model is.
/// </summary>
internal static class Operations
{
    public static IReadOnlyList<string> Implemented { get; } =
    [
        "PollForJobs",
        "AcknowledgeJob",
        "GetJobDetails",
        "PutJobSuccessResult",
        "PutJobFailureResult",
        "PollForThirdPartyJobs",
        "AcknowledgeThirdPartyJob",
        "GetThirdPartyJobDetails",
        "PutThirdPartyJobSuccessResult",
        "PutThirdPartyJobFailureResult",
        "CreateCustomActionType",
        "DeleteCustomActionType",
        "ListActionTypes",
        "CreatePipeline",
        "GetPipeline",
        "UpdatePipeline",
        "DeletePipeline",
        "ListPipelines",
        "StartPipelineExecution",
        "StopPipelineExecution",
        "GetPipelineState",
        "GetPipelineExecution",
        "ListPipelineExecutions",
        "ListActionExecutions",
        "RetryStageExecution",
        "PutApprovalResult",
    ];
}
