namespace Baton.Agent.Continuation;

/// <summary>A continuation token could not be opened. The message says why and what to check.</summary>
public sealed class ContinuationTokenException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why the token could not be opened.</param>
    /// <param name="message">A message that names the reason and the likely cause.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ContinuationTokenException(ContinuationTokenError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ContinuationTokenException()
        : this(ContinuationTokenError.Malformed, "The continuation token is malformed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ContinuationTokenException(string message)
        : this(ContinuationTokenError.Malformed, message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ContinuationTokenException(string message, Exception innerException)
        : this(ContinuationTokenError.Malformed, message, innerException)
    {
    }

    /// <summary>Why the token could not be opened.</summary>
    public ContinuationTokenError Error { get; }
}
