using System.Net;
using Baton.CodePipeline;

namespace Baton.Emulator.Api;

/// <summary>An error answered before an operation runs (protocol, authentication, faults), in AWS's JSON error shape.</summary>
internal sealed class ApiError : CodePipelineServiceException
{
    public ApiError(HttpStatusCode status, string code, string message)
        : base(code, message, status, null)
    {
    }

    public static ApiError UnknownOperation(string? target) => new(
        HttpStatusCode.BadRequest,
        "UnknownOperationException",
        target is null
            ? "The request has no X-Amz-Target header; send X-Amz-Target: " + CodePipelineProtocol.TargetPrefix + ".<Operation>."
            : $"X-Amz-Target '{target}' is not an operation of {CodePipelineProtocol.TargetPrefix}; supported operations: {string.Join(", ", CodePipelineOperations.Names)}.");

    public static ApiError Serialization(string message) => new(HttpStatusCode.BadRequest, "SerializationException", message);

    public static ApiError TooLarge(long limit) => new(
        HttpStatusCode.RequestEntityTooLarge,
        "RequestEntityTooLargeException",
        $"The request body is larger than {limit} bytes, the most this emulator accepts for a CodePipeline request.");

    public static ApiError Validation(string message) => new(HttpStatusCode.BadRequest, "ValidationException", message);

    public static ApiError Throttling() => new(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");

    public static ApiError InternalFailure() => new(
        HttpStatusCode.InternalServerError, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.");

    public static ApiError ServiceUnavailable() => new(
        HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
}
