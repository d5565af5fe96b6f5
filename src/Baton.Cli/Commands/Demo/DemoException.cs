namespace Baton.Cli.Commands.Demo;

/// <summary>
/// A part of the demo did not answer as it should (a handshake step, an upload): the run cannot
/// go on. Exits with <see cref="ExitCodes.ServiceError"/> and the message, which names the step.
/// </summary>
public sealed class DemoException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DemoException()
    {
    }

    /// <summary>Creates the exception with what went wrong.</summary>
    /// <param name="message">The failed step and what it answered.</param>
    public DemoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what went wrong and its cause.</summary>
    /// <param name="message">The failed step and what it answered.</param>
    /// <param name="innerException">The cause.</param>
    public DemoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
