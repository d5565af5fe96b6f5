namespace Baton.LoadTest.Handler;

/// <summary>What went wrong calling the load-test service.</summary>
public enum LoadTestServiceErrorKind
{
    /// <summary>No answer, a timeout, 408, 429 or a 5xx: worth retrying.</summary>
    Unavailable,

    /// <summary>401 or 403: the API key was rejected.</summary>
    Unauthorized,

    /// <summary>404: no such test for this account.</summary>
    NotFound,

    /// <summary>400: the test is invalid; <see cref="LoadTestServiceException.Errors"/> says why, by field.</summary>
    Invalid,

    /// <summary>Any other answer.</summary>
    Unexpected,
}

/// <summary>A call to the load-test service failed.</summary>
public sealed class LoadTestServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">The message.</param>
    /// <param name="errors">Validation errors by field, for <see cref="LoadTestServiceErrorKind.Invalid"/>.</param>
    /// <param name="innerException">The cause.</param>
    public LoadTestServiceException(LoadTestServiceErrorKind kind, string message, IReadOnlyDictionary<string, string[]>? errors = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    /// <summary>Creates the exception.</summary>
    public LoadTestServiceException()
        : this(LoadTestServiceErrorKind.Unexpected, "The load-test service call failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public LoadTestServiceException(string message)
        : this(LoadTestServiceErrorKind.Unexpected, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LoadTestServiceException(string message, Exception innerException)
        : this(LoadTestServiceErrorKind.Unexpected, message, null, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public LoadTestServiceErrorKind Kind { get; }

    /// <summary>Validation errors by field (RFC 7807 <c>errors</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
