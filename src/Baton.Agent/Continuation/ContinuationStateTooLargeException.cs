using System.Globalization;

namespace Baton.Agent.Continuation;

/// <summary>
/// The handler's state does not fit in a continuation token (CodePipeline carries at most 2,048
/// characters). Baton never truncates a token: the step fails with this message instead.
/// </summary>
public sealed class ContinuationStateTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stateBytes">The UTF-8 size of the handler's state.</param>
    /// <param name="stateLimitBytes">About how many bytes of state fit with the rest of this envelope.</param>
    public ContinuationStateTooLargeException(int stateBytes, int stateLimitBytes)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The handler state is {stateBytes:N0} bytes; the sealed token must fit in {ContinuationCodec.MaxTokenLength:N0} characters, so state must stay under about {stateLimitBytes:N0} bytes: store large state in your backend and keep only its id."))
    {
        StateBytes = stateBytes;
        StateLimitBytes = stateLimitBytes;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ContinuationStateTooLargeException()
        : base("The handler state is too large for a continuation token.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ContinuationStateTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ContinuationStateTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The UTF-8 size of the handler's state.</summary>
    public int StateBytes { get; }

    /// <summary>About how many bytes of state would have fit.</summary>
    public int StateLimitBytes { get; }
}
