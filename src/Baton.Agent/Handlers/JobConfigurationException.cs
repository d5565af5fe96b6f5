namespace Baton.Agent.Handlers;

/// <summary>
/// An action configuration property is missing or has a value the handler cannot use. Baton
/// reports it as a <c>ConfigurationError</c> failure with this message, so the message names the
/// property and says what a valid value looks like.
/// </summary>
public sealed class JobConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="propertyName">The configuration property at fault.</param>
    /// <param name="message">What is wrong and what a valid value looks like.</param>
    public JobConfigurationException(string propertyName, string message)
        : base(message)
    {
        PropertyName = propertyName;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public JobConfigurationException()
        : base("The action configuration is invalid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public JobConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public JobConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The configuration property at fault, when one is.</summary>
    public string? PropertyName { get; }
}
