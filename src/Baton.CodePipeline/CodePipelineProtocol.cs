namespace Baton.CodePipeline;

/// <summary>
/// Constants of the CodePipeline JSON 1.1 wire protocol (API version 2015-07-09).
/// </summary>
public static class CodePipelineProtocol
{
    /// <summary>The SigV4 signing name of the service.</summary>
    public const string SigningName = "codepipeline";

    /// <summary>The prefix of the <c>X-Amz-Target</c> header; the operation name follows a dot.</summary>
    public const string TargetPrefix = "CodePipeline_20150709";

    /// <summary>The content type of every request and response body.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The response header that carries the request id.</summary>
    public const string RequestIdHeader = "x-amzn-RequestId";

    /// <summary>Returns the <c>X-Amz-Target</c> header value for an operation.</summary>
    /// <param name="operation">The operation name, for example <c>PollForJobs</c>.</param>
    public static string Target(string operation) => TargetPrefix + "." + operation;
}
