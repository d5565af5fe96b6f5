using System.Net;

namespace Baton.CodePipeline;

/// <summary>
/// An error answered by a CodePipeline endpoint: the AWS error code (the body's <c>__type</c>),
/// its message, the HTTP status and the request id. Modeled errors have their own subclasses
/// (for example <c>JobNotFoundException</c>); any other code arrives as this type.
/// </summary>
public class CodePipelineServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">The error code, the body's <c>__type</c> without any namespace prefix.</param>
    /// <param name="message">The service's message.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the response, when present.</param>
    public CodePipelineServiceException(string errorCode, string message, HttpStatusCode statusCode, string? requestId)
        : base(message)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The AWS error code, for example <c>ThrottlingException</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request id the service assigned, when it sent one.</summary>
    public string? RequestId { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{GetType().FullName}: {ErrorCode} (HTTP {(int)StatusCode}, request {RequestId ?? "-"}): {Message}";
}
