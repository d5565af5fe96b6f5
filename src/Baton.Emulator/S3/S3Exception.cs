namespace Baton.Emulator.S3;

/// <summary>
/// An S3 error answered to the client as the S3 XML error document with its HTTP status,
/// for example <c>NoSuchKey</c> (404) or <c>InvalidRange</c> (416).
/// </summary>
public sealed class S3Exception : Exception
{
    /// <summary>Creates an S3 error.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="code">The S3 error code, for example <c>NoSuchBucket</c>.</param>
    /// <param name="message">A message that says what is wrong and what to fix.</param>
    public S3Exception(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    /// <summary>Creates an S3 <c>InternalError</c> (500).</summary>
    public S3Exception()
        : this(500, "InternalError", "We encountered an internal error. Please try again.")
    {
    }

    /// <summary>Creates an S3 <c>InvalidArgument</c> error (400).</summary>
    /// <param name="message">What is wrong with the argument.</param>
    public S3Exception(string message)
        : this(400, "InvalidArgument", message)
    {
    }

    /// <summary>Creates an S3 <c>InternalError</c> (500) wrapping an exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public S3Exception(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Code = "InternalError";
    }

    /// <summary>The HTTP status code of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>The S3 error code.</summary>
    public string Code { get; }
}
