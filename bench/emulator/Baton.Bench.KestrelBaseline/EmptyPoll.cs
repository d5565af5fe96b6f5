namespace Baton.Bench.KestrelBaseline;

/// <summary>
/// The answer of the Baton emulator to PollForJobs on an empty queue, byte for byte: status 200,
/// <c>Content-Type: application/x-amz-json-1.1</c>, a fresh lower-case UUID in
/// <c>x-amzn-RequestId</c>, and the body <c>{"jobs":[]}</c>.
/// </summary>
internal static class EmptyPoll
{
    /// <summary>The content type of the CodePipeline JSON 1.1 protocol.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The header that carries the request id.</summary>
    public const string RequestIdHeader = "x-amzn-RequestId";

    /// <summary>The response body of an empty poll.</summary>
    public static ReadOnlyMemory<byte> Body { get; } = "{\"jobs\":[]}"u8.ToArray();

    /// <summary>Writes the empty-poll answer; the request body is not read.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The write.</returns>
    public static async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers[RequestIdHeader] = Guid.NewGuid().ToString("D");
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, context.RequestAborted).ConfigureAwait(false);
    }
}
