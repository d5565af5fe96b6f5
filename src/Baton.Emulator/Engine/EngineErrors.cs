using System.Net;
using Baton.CodePipeline;

namespace Baton.Emulator.Engine;

/// <summary>
/// The service errors the engine raises, each with a message that says what is wrong and what
/// to do. All are HTTP 400, as the service documents for every modeled error.
/// </summary>
internal static class EngineErrors
{
    private const HttpStatusCode Status = HttpStatusCode.BadRequest;

    public static ValidationException Validation(string message) => new(message, Status, null);

    public static ActionTypeNotFoundException ActionTypeNotFound(string message) => new(message, Status, null);

    public static JobNotFoundException JobNotFound(string jobId) =>
        new($"Job '{jobId}' was not found.", Status, null);

    public static InvalidNonceException InvalidNonce(string message) => new(message, Status, null);

    public static InvalidJobStateException InvalidJobState(string message) => new(message, Status, null);

    public static InvalidClientTokenException InvalidClientToken(string jobId) =>
        new($"The client token does not match the client of job '{jobId}'; use the clientToken issued for its clientId.", Status, null);

    public static PipelineNotFoundException PipelineNotFound(string accountId, string name) =>
        new($"Account '{accountId}' does not have a pipeline with name '{name}'", Status, null);

    public static PipelineVersionNotFoundException PipelineVersionNotFound(string name, int version) =>
        new($"Pipeline '{name}' has no version {version}.", Status, null);

    public static PipelineNameInUseException PipelineNameInUse(string name) =>
        new($"A pipeline with the name '{name}' already exists; choose another name or use UpdatePipeline.", Status, null);

    public static PipelineExecutionNotFoundException ExecutionNotFound(string pipeline, string executionId) =>
        new($"Pipeline execution '{executionId}' was not found in pipeline '{pipeline}'.", Status, null);

    public static PipelineExecutionNotStoppableException NotStoppable(string message) => new(message, Status, null);

    public static DuplicatedStopRequestException DuplicatedStop(string message) => new(message, Status, null);

    public static StageNotFoundException StageNotFound(string pipeline, string stage) =>
        new($"Stage '{stage}' was not found in pipeline '{pipeline}'.", Status, null);

    public static ActionNotFoundException ActionNotFound(string stage, string action) =>
        new($"Action '{action}' was not found in stage '{stage}'.", Status, null);

    public static StageNotRetryableException StageNotRetryable(string message) => new(message, Status, null);

    public static NotLatestPipelineExecutionException NotLatest(string message) => new(message, Status, null);

    public static InvalidApprovalTokenException InvalidApprovalToken(string message) => new(message, Status, null);

    public static ApprovalAlreadyCompletedException ApprovalAlreadyCompleted(string message) => new(message, Status, null);

    public static InvalidStructureException InvalidStructure(string message) => new(message, Status, null);

    public static InvalidStageDeclarationException InvalidStage(string message) => new(message, Status, null);

    public static InvalidActionDeclarationException InvalidAction(string message) => new(message, Status, null);

    public static InvalidNextTokenException InvalidNextToken() =>
        new("The next token is not valid; pass the nextToken of the previous response unchanged.", Status, null);

    public static LimitExceededException LimitExceeded(string message) => new(message, Status, null);

    public static OutputVariablesSizeExceededException OutputVariablesTooLarge(int bytes) =>
        new($"The output variables take {bytes} bytes; an action may output at most 122880 bytes.", Status, null);

    public static ConflictException Conflict(string message) => new(message, Status, null);
}
